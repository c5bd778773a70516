package io.lytx.sandbox.manage;

import io.lytx.sandbox.http.ApiError;
import io.lytx.sandbox.http.Envelope;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code GET /api/user} and {@code GET /api/user/{id-or-email}}: the account's (fixed) users, one
 * per predefined role. Immutable and thread-safe.
 */
@Path("/api/user")
@Produces(MediaType.APPLICATION_JSON)
public final class UserResource {

    private final List<Map<String, Object>> users;

    /**
     * The user endpoints.
     *
     * @param account the sandbox's account; not null
     */
    public UserResource(AccountInfo account) {
        Objects.requireNonNull(account, "account");
        List<Map<String, Object>> list = new ArrayList<>();
        list.add(user(account, "0000000000000000000000000000a001", "admin@" + account.domain(), "Sandbox Admin", "admin"));
        list.add(user(account, "0000000000000000000000000000a002", "data@" + account.domain(), "Data Manager",
                "data_manager"));
        list.add(user(account, "0000000000000000000000000000a003", "marketing@" + account.domain(), "Marketer",
                "marketer"));
        list.add(user(account, "0000000000000000000000000000a004", "viewer@" + account.domain(), "Observer",
                "observer"));
        this.users = List.copyOf(list);
    }

    private static Map<String, Object> user(AccountInfo a, String id, String email, String name, String role) {
        String at = a.created().toString();
        Map<String, Object> membership = new LinkedHashMap<>();
        membership.put("aid", a.aid());
        membership.put("account_id", a.id());
        membership.put("roles", List.of(role));
        membership.put("granted_by", "0000000000000000000000000000a001");
        membership.put("created", at);
        membership.put("updated", at);
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("id", id);
        u.put("email", email);
        u.put("name", name);
        u.put("auth_type", "lytics");
        u.put("account_id", a.id());
        u.put("aid", a.aid());
        u.put("roles", List.of(role));
        u.put("accounts", List.of(membership));
        u.put("created", at);
        u.put("updated", at);
        u.put("last_logon", at);
        u.put("last_pwd_change", at);
        u.put("is_sysadmin", false);
        return java.util.Collections.unmodifiableMap(u);
    }

    /**
     * The account's users.
     *
     * @return {@code data}: the users
     */
    @GET
    public Response list() {
        return Envelope.ok(users);
    }

    /**
     * One user by id or email.
     *
     * @param ref the user id or email (case-insensitive)
     * @return {@code data}: the user; 404 when none matches
     */
    @GET
    @Path("{ref}")
    public Response get(@PathParam("ref") String ref) {
        for (Map<String, Object> u : users) {
            if (u.get("id").equals(ref) || ((String) u.get("email")).equalsIgnoreCase(ref)) {
                return Envelope.ok(u);
            }
        }
        throw new ApiError(404, "user \"" + ref + "\" not found");
    }
}
