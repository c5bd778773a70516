package io.lytx.sandbox.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.lytx.sandbox.LyticsSandbox;
import io.lytx.sandbox.SandboxHttp;
import io.lytx.sandbox.SandboxOptions;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Request counting per route template, over real HTTP. */
class StatsHttpTest {

    private static LyticsSandbox sandbox;
    private static SandboxHttp admin;

    @BeforeAll
    static void start() {
        sandbox = LyticsSandbox.start(SandboxOptions.defaults().withDemoData(false));
        admin = new SandboxHttp(sandbox.baseUri(), sandbox.adminToken());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void zero() {
        assertThat(admin.delete("/_sandbox/stats").status()).isEqualTo(204);
    }

    @Test
    void countsArePerMethodAndRouteTemplate() {
        admin.get("/api/entity/user/email/a@example.org");
        admin.get("/api/entity/user/email/b@example.org");
        admin.get("/api/entity/user/_uid/u_1?fields=email");
        admin.get("/api/account/current");
        admin.postJson("/collect/json/web", "{\"_uid\":\"u_stats\"}");
        Map<String, Object> stats = admin.get("/_sandbox/stats").dataMap();
        assertThat(stats).containsEntry("GET /api/entity/{table}/{field}/{value}", new BigDecimal(3))
                .containsEntry("GET /api/account/{id}", new BigDecimal(1))
                .containsEntry("POST /collect/json/{stream}", new BigDecimal(1))
                .hasSize(3);
    }

    @Test
    void unauthenticatedAndUnroutedRequestsAndTheSandboxEndpointsAreNotCounted() {
        admin.withToken(null).get("/api/account/current");
        admin.get("/api/not/a/route");
        admin.get("/_sandbox/faults");
        assertThat(admin.get("/_sandbox/stats").dataMap()).isEmpty();
    }

    @Test
    void aCallDeniedByRoleIsStillCounted() {
        String data = admin.postJson("/api/auth/createtoken", "{\"label\":\"c\",\"scopes\":[\"data\"]}").body();
        String secret = data.replaceAll(".*\"value\":\"([^\"]+)\".*", "$1");
        assertThat(admin.withToken(secret).get("/api/segment").status()).isEqualTo(403);
        assertThat(admin.get("/_sandbox/stats").dataMap()).containsEntry("GET /api/segment", new BigDecimal(1));
    }

    @Test
    void resetSetsCountsToZero() {
        admin.get("/api/user");
        assertThat(admin.get("/_sandbox/stats").dataMap()).containsEntry("GET /api/user", new BigDecimal(1));
        admin.delete("/_sandbox/stats");
        assertThat(admin.get("/_sandbox/stats").dataMap()).isEmpty();
    }
}
