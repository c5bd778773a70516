package io.lytx.sandbox.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.lytx.sandbox.SandboxHttp;
import java.util.List;
import java.util.Map;

/** Creates tokens through the real API for the tests. */
final class TestTokens {

    private TestTokens() {
    }

    /** Creates a token with the given roles through {@code POST /api/auth/createtoken}; returns its secret. */
    @SuppressWarnings("unchecked")
    static String create(SandboxHttp admin, String expires, String... scopes) {
        StringBuilder json = new StringBuilder("{\"label\":\"test ").append(String.join("+", scopes))
                .append("\",\"scopes\":[");
        for (int i = 0; i < scopes.length; i++) {
            json.append(i == 0 ? "" : ",").append('"').append(scopes[i]).append('"');
        }
        json.append(']');
        if (expires != null) {
            json.append(",\"expires\":\"").append(expires).append('"');
        }
        json.append('}');
        SandboxHttp.Reply r = admin.postJson("/api/auth/createtoken", json.toString());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<Map<String, Object>> config = (List<Map<String, Object>>) r.dataMap().get("config");
        return (String) config.get(0).get("value");
    }
}
