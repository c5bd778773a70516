package io.lytx.sandbox.auth;

import io.lytx.sandbox.http.ApiError;
import io.lytx.sandbox.manage.AccountInfo;
import io.lytx.sandbox.http.Envelope;
import io.lytx.sandbox.http.JsonInput;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * API tokens: {@code POST /api/auth/createtoken} (the secret is returned once, as
 * {@code config[{name:"api_key",value}]}), listing without secrets ({@code GET /api/auth},
 * {@code GET /v2/auth?auth_type=api_token}), one token and deletion ({@code /api/auth/{id}},
 * {@code /v2/auth/{id}}). Thread-safe.
 */
@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
public final class TokenResource {

    private static final Set<String> CREATE_FIELDS = Set.of("name", "label", "description", "scopes", "expires",
            "alert_enabled");

    private final TokenStore tokens;
    private final String accountId;

    /**
     * The token endpoints.
     *
     * @param tokens    the token store; not null
     * @param accountId the account id reported on tokens; not null
     */
    public TokenResource(TokenStore tokens, String accountId) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.accountId = Objects.requireNonNull(accountId, "accountId");
    }

    /**
     * Creates a token. Body: {@code {label|name, description, scopes[], expires, alert_enabled}};
     * {@code scopes} required, a label or description required, {@code expires} a Go duration
     * ({@code 720h}); omitted or {@code 0} never expires. Only a user token (the admin token) may
     * call this.
     *
     * @param ctx  the request (for the caller)
     * @param body the JSON body
     * @return {@code data}: the token, with its secret at {@code config[0].value}
     */
    @POST
    @Path("createtoken")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Context ContainerRequestContext ctx, InputStream body) {
        Caller caller = (Caller) ctx.getProperty(Caller.PROPERTY);
        if (caller == null || !caller.userToken()) {
            throw new ApiError(403, "Not authorized: This endpoint is available only via user tokens.");
        }
        Map<String, Object> json = JsonInput.parseObject(body);
        for (String k : json.keySet()) {
            if (!CREATE_FIELDS.contains(k)) {
                throw new ApiError(400, "unknown field \"" + k + "\"; known: " + new java.util.TreeSet<>(CREATE_FIELDS));
            }
        }
        String label = text(json, "label");
        if (label.isEmpty()) {
            label = text(json, "name");
        }
        String description = text(json, "description");
        if (label.isEmpty() && description.isEmpty()) {
            throw new ApiError(400, "label or description is required");
        }
        List<String> scopes = scopes(json.get("scopes"));
        Set<String> unknown = RoleTable.unknown(scopes);
        if (!unknown.isEmpty()) {
            throw new ApiError(400, "Unknown roles \"" + String.join("\", \"", unknown) + "\"");
        }
        List<String> beyond = new ArrayList<>();
        for (String s : scopes) {
            for (Permission p : RoleTable.permissions(s)) {
                if (!RoleTable.allows(caller.roles(), p.area(), p.access()) && !beyond.contains(s)) {
                    beyond.add(s);
                }
            }
        }
        if (!beyond.isEmpty()) {
            throw new ApiError(403, "User does not have permission to add these roles in token: " + beyond);
        }
        Object exp = json.get("expires");
        if (exp != null && !(exp instanceof String)) {
            throw new ApiError(400, "expires must be a Go duration string such as \"720h\", got "
                    + JsonInput.typeName(exp));
        }
        String expText = exp == null || ((String) exp).isBlank() ? null : ((String) exp).trim();
        Duration ttl = expText == null ? null : GoDuration.parse(expText);
        TokenStore.Issued issued = tokens.create(label, description, scopes, ttl, expText);
        Map<String, Object> data = new LinkedHashMap<>(issued.info());
        data.put("name", issued.info().get("label")); // the v1 answer's name for the label ([OAS] createtoken); the v2 list has label only
        data.put("account_id", accountId);
        data.put("provider_id", "lytics");
        data.put("provider_name", "Lytics");
        data.put("config", List.of(Map.of("name", "api_key", "value", issued.secret())));
        return Envelope.ok(data);
    }

    /**
     * The created tokens as v1 auth records, without secrets: {@code id}, {@code aid}, {@code name},
     * {@code account_id}, {@code provider_id}, {@code provider_name}, {@code user_id}, {@code created},
     * {@code updated}, {@code modified_ms}, the shape of Lytics' {@code GET /api/auth} (go-lytics
     * {@code mock/json/get_auths.json}). Scopes, expiry and status are in the {@code /v2/auth} form.
     *
     * @return {@code data}: the tokens
     */
    @GET
    public Response list() {
        return Envelope.ok(tokens.list().stream().map(this::authRecord).toList());
    }

    /**
     * One token as a v1 auth record (as {@link #list()}), without its secret.
     *
     * @param id the token id
     * @return {@code data}: the token; 404 when unknown
     */
    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        return Envelope.ok(authRecord(tokens.get(id).orElseThrow(() -> notFound(id))));
    }

    private Map<String, Object> authRecord(Map<String, Object> token) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", token.get("id"));
        m.put("aid", AccountInfo.SANDBOX_AID);
        m.put("name", token.get("label"));
        m.put("account_id", accountId);
        m.put("provider_id", "lytics");
        m.put("provider_name", "Lytics");
        m.put("user_id", token.get("user_id"));
        m.put("created", token.get("created"));
        m.put("updated", token.get("updated"));
        m.put("modified_ms", Instant.parse((String) token.get("updated")).toEpochMilli());
        return m;
    }

    /**
     * Deletes a token; it stops working at once.
     *
     * @param id the token id
     * @return 204; 404 when unknown
     */
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        if (!tokens.delete(id)) {
            throw notFound(id);
        }
        return Envelope.noContent();
    }

    static ApiError notFound(String id) {
        return new ApiError(404, "token \"" + id + "\" not found");
    }

    private static String text(Map<String, Object> json, String field) {
        Object v = json.get(field);
        if (v == null) {
            return "";
        }
        if (!(v instanceof String s)) {
            throw new ApiError(400, field + " must be a string, got " + JsonInput.typeName(v));
        }
        return s.trim();
    }

    private static List<String> scopes(Object v) {
        if (!(v instanceof List<?> list) || list.isEmpty()) {
            throw new ApiError(400, "scopes is required: a non-empty array of role slugs, e.g. [\"observer\"]");
        }
        List<String> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof String s) || s.isBlank()) {
                throw new ApiError(400, "scopes must hold role slugs (strings), got " + JsonInput.typeName(o));
            }
            if (!out.contains(s.trim())) {
                out.add(s.trim());
            }
        }
        return out;
    }
}
