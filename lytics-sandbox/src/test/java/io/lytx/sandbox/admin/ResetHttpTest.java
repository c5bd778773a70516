package io.lytx.sandbox.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.lytx.sandbox.LyticsSandbox;
import io.lytx.sandbox.SandboxHttp;
import io.lytx.sandbox.SandboxOptions;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code POST /_sandbox/reset} over real HTTP. */
class ResetHttpTest {

    @Test
    void resetBringsTokensSettingsDataStatsAndFaultsBack() {
        try (LyticsSandbox sandbox = LyticsSandbox.start(SandboxOptions.defaults().withDemoData(false))) {
            SandboxHttp admin = new SandboxHttp(sandbox.baseUri(), sandbox.adminToken());
            String created = admin.postJson("/api/auth/createtoken", "{\"label\":\"r\",\"scopes\":[\"observer\"]}").body();
            String secret = created.replaceAll(".*\"value\":\"([^\"]+)\".*", "$1");
            admin.putJson("/api/account/setting/private_fields", "[\"email\"]");
            admin.postJson("/collect/json/web", "{\"_uid\":\"u_reset\",\"email\":\"reset@example.org\"}");
            admin.putJson("/_sandbox/faults", "{\"route\":\"* /api/user\",\"status\":500}");
            assertThat(admin.get("/api/entity/user/email/reset@example.org").message()).isEqualTo("success");

            SandboxHttp.Reply reset = admin.send("POST", "/_sandbox/reset", null, null);
            assertThat(reset.status()).isEqualTo(200);

            assertThat(admin.withToken(secret).get("/api/account").status()).isEqualTo(401);
            assertThat(admin.get("/api/account/setting/private_fields").dataMap().get("value")).isNull();
            assertThat(admin.get("/api/entity/user/email/reset@example.org").message()).isEqualTo("Not Found");
            assertThat(admin.get("/api/user").status()).isEqualTo(200);
            assertThat(admin.get("/_sandbox/faults").dataList()).isEmpty();
            // the stats were zeroed by the reset: only the calls made after it are counted
            assertThat(admin.get("/_sandbox/stats").dataMap()).containsOnlyKeys(
                    "GET /api/account/setting/{slug}", "GET /api/entity/{table}/{field}/{value}",
                    "GET /api/user");
            // the admin token survives a reset
            assertThat(admin.get("/api/account").status()).isEqualTo(200);
        }
    }

    @Test
    void segmentSizesFollowCollectionStitchingAndReset() {
        try (LyticsSandbox sandbox = LyticsSandbox.start(SandboxOptions.defaults())) {
            SandboxHttp admin = new SandboxHttp(sandbox.baseUri(), sandbox.adminToken());
            Map<Object, Object> demo = sizes(admin);
            // an anonymous visitor, then the same visitor logs in (stitched by _uid + email)
            admin.postJson("/collect/json/web", "{\"_uid\":\"u_sized\",\"url\":\"example.org/a\"}");
            assertThat(sizes(admin)).containsEntry("anonymous_visitors", plus(demo, "anonymous_visitors", 1))
                    .containsEntry("known_users", demo.get("known_users"));
            admin.postJson("/collect/json/web", "{\"email\":\"sized@example.org\",\"user_id\":\"sized\"}");
            admin.postJson("/collect/json/web", "{\"_uid\":\"u_sized\",\"email\":\"sized@example.org\"}");
            assertThat(sizes(admin)).containsEntry("anonymous_visitors", demo.get("anonymous_visitors"))
                    .containsEntry("known_users", plus(demo, "known_users", 1));

            admin.send("POST", "/_sandbox/reset", null, null);
            assertThat(sizes(admin)).isEqualTo(demo);
        }
    }

    private static Map<Object, Object> sizes(SandboxHttp admin) {
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Object o : admin.get("/api/segment/sizes").dataList()) {
            Map<?, ?> m = (Map<?, ?>) o;
            out.put(m.get("slug_name"), m.get("size"));
        }
        return out;
    }

    private static BigDecimal plus(Map<Object, Object> sizes, String slug, int n) {
        return ((BigDecimal) sizes.get(slug)).add(BigDecimal.valueOf(n));
    }
}
