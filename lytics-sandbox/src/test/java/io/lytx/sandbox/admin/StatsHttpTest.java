package io.lytx.sandbox.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.lytx.sandbox.SandboxExtension;
import io.lytx.sandbox.SandboxOptions;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Request counting per route template, over real HTTP. */
class StatsHttpTest {

    @RegisterExtension
    static final SandboxExtension lytics = new SandboxExtension(SandboxOptions.defaults().withDemoData(false));

    @BeforeEach
    void zero() {
        assertThat(lytics.admin().delete("/_sandbox/stats").status()).isEqualTo(204);
    }

    @Test
    void countsArePerMethodAndRouteTemplate() {
        lytics.admin().get("/api/entity/user/email/a@example.org");
        lytics.admin().get("/api/entity/user/email/b@example.org");
        lytics.admin().get("/api/entity/user/_uid/u_1?fields=email");
        lytics.admin().get("/api/account/current");
        lytics.admin().postJson("/collect/json/web", "{\"_uid\":\"u_stats\"}");
        Map<String, Object> stats = lytics.admin().get("/_sandbox/stats").dataMap();
        assertThat(stats).containsEntry("GET /api/entity/{table}/{field}/{value}", new BigDecimal(3))
                .containsEntry("GET /api/account/{id}", new BigDecimal(1))
                .containsEntry("POST /collect/json/{stream}", new BigDecimal(1))
                .hasSize(3);
    }

    @Test
    void unauthenticatedAndUnroutedRequestsAndTheSandboxEndpointsAreNotCounted() {
        lytics.admin().withToken(null).get("/api/account/current");
        lytics.admin().get("/api/not/a/route");
        lytics.admin().get("/_sandbox/faults");
        assertThat(lytics.admin().get("/_sandbox/stats").dataMap()).isEmpty();
    }

    @Test
    void aCallDeniedByRoleIsStillCounted() {
        String data = lytics.admin().postJson("/api/auth/createtoken", "{\"label\":\"c\",\"scopes\":[\"data\"]}").body();
        String secret = data.replaceAll(".*\"value\":\"([^\"]+)\".*", "$1");
        assertThat(lytics.admin().withToken(secret).get("/api/segment").status()).isEqualTo(403);
        assertThat(lytics.admin().get("/_sandbox/stats").dataMap()).containsEntry("GET /api/segment", new BigDecimal(1));
    }

    @Test
    void resetSetsCountsToZero() {
        lytics.admin().get("/api/user");
        assertThat(lytics.admin().get("/_sandbox/stats").dataMap()).containsEntry("GET /api/user", new BigDecimal(1));
        lytics.admin().delete("/_sandbox/stats");
        assertThat(lytics.admin().get("/_sandbox/stats").dataMap()).isEmpty();
    }
}
