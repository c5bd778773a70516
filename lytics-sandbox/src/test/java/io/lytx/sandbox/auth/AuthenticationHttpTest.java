package io.lytx.sandbox.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.lytx.sandbox.SandboxExtension;
import io.lytx.sandbox.SandboxHttp;
import io.lytx.sandbox.SandboxOptions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Token extraction and the 401 answers, over real HTTP. */
class AuthenticationHttpTest {

    private static final String NOT_AUTHORIZED = "{\"data\":null,\"message\":\"Not authorized\",\"status\":401}";

    @RegisterExtension
    static final SandboxExtension lytics =
            new SandboxExtension(SandboxOptions.defaults().withDemoData(false).withAdminToken("admin-secret"));

    @Test
    void theTokenIsAcceptedRawInAuthorizationAccessTokenOrKey() {
        assertThat(lytics.anonymous().withToken("admin-secret").get("/api/account/current").status()).isEqualTo(200);
        assertThat(lytics.anonymous().get("/api/account/current?access_token=admin-secret").status()).isEqualTo(200);
        assertThat(lytics.anonymous().get("/api/account/current?key=admin-secret").status()).isEqualTo(200);
    }

    @Test
    void aMissingTokenIsTheExact401Envelope() {
        SandboxHttp.Reply r = lytics.anonymous().get("/api/account/current");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body()).isEqualTo(NOT_AUTHORIZED);
        assertThat(r.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void anUnknownTokenOrABearerPrefixIs401() {
        // input: a wrong secret -> 401 Not authorized
        assertThat(lytics.anonymous().withToken("wrong").get("/api/account/current").body()).isEqualTo(NOT_AUTHORIZED);
        // input: "Bearer <token>" -> 401: Lytics takes the raw token, without a scheme
        assertThat(lytics.anonymous().withToken("Bearer admin-secret").get("/api/account/current").status()).isEqualTo(401);
        // input: an empty key parameter -> 401
        assertThat(lytics.anonymous().get("/api/account/current?key=").status()).isEqualTo(401);
    }

    @Test
    void authenticationComesBeforeRouting() {
        // input: an unknown path without a token -> 401, not 404 (Lytics checks auth first)
        assertThat(lytics.anonymous().get("/api/no/such/route").status()).isEqualTo(401);
        assertThat(lytics.anonymous().get("/v2/whatever").status()).isEqualTo(401);
        // with a token the same path is a 404 in the envelope
        SandboxHttp.Reply r = lytics.anonymous().withToken("admin-secret").get("/api/no/such/route");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json()).containsEntry("data", null).containsKey("message");
        assertThat(r.message()).contains("/api/no/such/route");
    }

    @Test
    void theJsTagEndpointNeedsNoToken() {
        SandboxHttp.Reply r = lytics.anonymous().get("/c/" + lytics.sandbox().accountId() + "?_e=pv&_uid=u_auth_test&url=example.org/x");
        assertThat(r.status()).isNotIn(401, 403);
    }

    @Test
    void theSandboxEndpointsNeedTheAdminTokenItself() {
        String adminRoleToken = TestTokens.create(lytics.anonymous().withToken("admin-secret"), null, "admin");
        SandboxHttp.Reply r = lytics.anonymous().withToken(adminRoleToken).get("/_sandbox/stats");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.message()).contains("admin token");
        assertThat(lytics.anonymous().get("/_sandbox/stats").status()).isEqualTo(401);
        assertThat(lytics.anonymous().withToken("admin-secret").get("/_sandbox/stats").data()).isInstanceOf(Map.class);
    }
}
