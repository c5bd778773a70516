package io.lytx.client.management;

import io.lytx.client.LyticsClient;
import io.lytx.client.entity.ProfileFields;
import io.lytx.client.internal.ApiCalls;
import io.lytx.client.internal.ApiRequest;
import io.lytx.client.internal.Args;
import io.lytx.client.internal.ClientAccess;
import io.lytx.client.internal.Tolerant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** API tokens. Blocking, up to the client's timeouts. Thread-safe. */
public final class TokenApi {

    private final ApiCalls calls;

    /**
     * Made by {@link LyticsClient} only: take this family from {@link LyticsClient#tokens()}.
     *
     * @param internals what the client hands its API families; not null
     */
    public TokenApi(LyticsClient.Internals internals) {
        this.calls = ClientAccess.calls(internals);
    }

    /**
     * {@code POST /api/auth/createtoken} (needs a user token; an API token gets 403).
     *
     * @param request what to create; not null
     * @return the new token with its secret (read from {@code config[name=api_key].value}, or the
     *     older {@code config[].api_key})
     */
    public CreatedToken create(TokenRequest request) {
        Args.notNull(request, "request");
        Map<String, Object> data = calls.send(ApiRequest.post().path("/api/auth/createtoken")
                .body("application/json", calls.toJson(request.toJsonMap()))).dataMap();
        String secret = "";
        for (Object o : Tolerant.list(data.get("config"))) {
            Map<String, Object> c = Tolerant.map(o);
            if ("api_key".equals(c.get("name"))) {
                secret = Tolerant.string(c.get("value")).orElse("");
            } else if (c.containsKey("api_key")) {
                secret = Tolerant.string(c.get("api_key")).orElse("");
            }
        }
        String label = Tolerant.string(data.get("label")).orElse(Tolerant.string(data.get("name")).orElse(""));
        List<String> scopes = data.containsKey("scopes") ? Tolerant.strings(data.get("scopes")) : request.scopes();
        return new CreatedToken(Tolerant.string(data.get("id")).orElse(""), label, scopes, secret);
    }

    /** @return the account's API tokens ({@code GET /v2/auth?auth_type=api_token}) */
    public List<TokenInfo> list() {
        List<TokenInfo> out = new ArrayList<>();
        for (Object o : calls.send(ApiRequest.get().path("/v2/auth").query("auth_type", "api_token")).dataList()) {
            Map<String, Object> m = Tolerant.map(o);
            out.add(new TokenInfo(str(m, "id"), str(m, "label"), str(m, "description"), Tolerant.strings(m.get("scopes")),
                    str(m, "expires"), ProfileFields.of(m)));
        }
        return List.copyOf(out);
    }

    /**
     * {@code DELETE /v2/auth/{id}}.
     *
     * @param id the token's auth id; not blank
     */
    public void delete(String id) {
        calls.send(ApiRequest.delete().path("/v2/auth").segment(id, "id"));
    }

    private static String str(Map<String, Object> m, String key) {
        return Tolerant.string(m.get(key)).orElse("");
    }
}
