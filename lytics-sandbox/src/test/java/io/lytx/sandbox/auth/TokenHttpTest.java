package io.lytx.sandbox.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.lytx.sandbox.SandboxExtension;
import io.lytx.sandbox.MutableClock;
import io.lytx.sandbox.SandboxHttp;
import io.lytx.sandbox.SandboxOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Token creation, listing, deletion and expiry, over real HTTP. */
class TokenHttpTest {

    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    @RegisterExtension
    static final SandboxExtension lytics =
            new SandboxExtension(SandboxOptions.defaults().withDemoData(false).withClock(CLOCK));

    @Test
    @SuppressWarnings("unchecked")
    void createReturnsTheSecretOnceAndListingNeverShowsIt() {
        SandboxHttp.Reply created = lytics.admin().postJson("/api/auth/createtoken",
                "{\"label\":\"ci reader\",\"description\":\"for CI\",\"scopes\":[\"observer\"],\"expires\":\"720h\"}");
        assertThat(created.status()).isEqualTo(200);
        Map<String, Object> data = created.dataMap();
        List<Map<String, Object>> config = (List<Map<String, Object>>) data.get("config");
        assertThat(config).hasSize(1);
        assertThat(config.get(0)).containsEntry("name", "api_key");
        String secret = (String) config.get(0).get("value");
        String id = (String) data.get("id");
        assertThat(secret).startsWith("at." + id + ".");
        assertThat(data).containsEntry("label", "ci reader").containsEntry("provider_name", "Lytics")
                .containsEntry("scopes", List.of("observer")).containsEntry("expires", "2026-01-31T00:00:00Z");

        assertThat(lytics.admin().withToken(secret).get("/api/account/current").status()).isEqualTo(200);

        for (String path : List.of("/api/auth", "/v2/auth?auth_type=api_token", "/api/auth/" + id, "/v2/auth/" + id)) {
            SandboxHttp.Reply listed = lytics.admin().get(path);
            assertThat(listed.status()).as(path).isEqualTo(200);
            assertThat(listed.body()).as(path).contains(id).doesNotContain(secret.substring(secret.lastIndexOf('.') + 1));
        }
        Map<String, Object> one = lytics.admin().get("/v2/auth/" + id).dataMap();
        assertThat(one).containsEntry("type", "lytics-auth-token").containsEntry("status", "active")
                .containsEntry("ttl", "720h").containsEntry("description", "for CI");
        assertThat(lytics.admin().get("/v2/auth?auth_type=oauth").dataList()).isEmpty();
    }

    @Test
    void aTokenWithoutExpiryReadsBackWithGosZeroTime() {
        SandboxHttp.Reply created = lytics.admin().postJson("/api/auth/createtoken",
                "{\"description\":\"forever\",\"scopes\":[\"data\"]}");
        assertThat(created.dataMap()).containsEntry("expires", "0001-01-01T00:00:00Z");
    }

    @Test
    void anExpiredTokenIs401ExpiredToken() {
        String secret = TestTokens.create(lytics.admin(), "1h", "observer");
        assertThat(lytics.admin().withToken(secret).get("/api/account").status()).isEqualTo(200);
        CLOCK.advance(Duration.ofMinutes(61));
        SandboxHttp.Reply r = lytics.admin().withToken(secret).get("/api/account");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body()).isEqualTo("{\"data\":null,\"message\":\"Expired Token\",\"status\":401}");
        assertThat(lytics.admin().get("/v2/auth").body()).contains("\"status\":\"expired\"");
    }

    @Test
    void aDeletedTokenStopsWorkingAtOnce() {
        SandboxHttp.Reply created = lytics.admin().postJson("/api/auth/createtoken", "{\"label\":\"temp\",\"scopes\":[\"observer\"]}");
        String id = (String) created.dataMap().get("id");
        String secret = TestTokens.create(lytics.admin(), null, "observer");
        String otherId = secret.split("\\.")[1];
        assertThat(lytics.admin().delete("/api/auth/" + id).status()).isEqualTo(204);
        assertThat(lytics.admin().delete("/v2/auth/" + otherId).status()).isEqualTo(204);
        assertThat(lytics.admin().withToken(secret).get("/api/account").status()).isEqualTo(401);
        assertThat(lytics.admin().get("/api/auth/" + id).status()).isEqualTo(404);
        assertThat(lytics.admin().delete("/api/auth/" + id).status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no scopes|{\"label\":\"x\"}|400|scopes is required",
            "empty scopes|{\"label\":\"x\",\"scopes\":[]}|400|scopes is required",
            "unknown role|{\"label\":\"x\",\"scopes\":[\"observer\",\"wizard\"]}|400|Unknown roles \"wizard\"",
            "no label or description|{\"scopes\":[\"observer\"]}|400|label or description is required",
            "day unit|{\"label\":\"x\",\"scopes\":[\"observer\"],\"expires\":\"7d\"}|400|invalid expires \"7d\"",
            "numeric expires|{\"label\":\"x\",\"scopes\":[\"observer\"],\"expires\":30}|400|expires must be a Go duration",
            "unknown field|{\"label\":\"x\",\"scopes\":[\"observer\"],\"role\":\"admin\"}|400|unknown field \"role\"",
            "not an object|[\"observer\"]|400|expected a JSON object",
            "malformed|{\"label\":|400|malformed JSON at line 1"})
    void badCreateRequestsAreRefusedAndCreateNothing(String what, String body, int status, String message) {
        int before = lytics.admin().get("/api/auth").dataList().size();
        SandboxHttp.Reply r = lytics.admin().postJson("/api/auth/createtoken", body);
        assertThat(r.status()).as(what).isEqualTo(status);
        assertThat(r.message()).as(what).contains(message);
        assertThat(lytics.admin().get("/api/auth").dataList()).as(what).hasSize(before);
    }

    @Test
    void onlyTheUserTokenMayCreateTokens() {
        String apiToken = TestTokens.create(lytics.admin(), null, "admin");
        // input: an API token (even with the admin role) calling createtoken -> 403, as in Lytics
        SandboxHttp.Reply r = lytics.admin().withToken(apiToken).postJson("/api/auth/createtoken",
                "{\"label\":\"x\",\"scopes\":[\"observer\"]}");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.message()).isEqualTo("Not authorized: This endpoint is available only via user tokens.");
    }

    @Test
    void createNeedsJson() {
        // input: the body as text/plain -> 415 naming the type
        SandboxHttp.Reply r = lytics.admin().send("POST", "/api/auth/createtoken", "text/plain", "{\"scopes\":[\"data\"]}");
        assertThat(r.status()).isEqualTo(415);
        assertThat(r.message()).contains("text/plain");
    }
}
