package io.lytx.sandbox.auth;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The roles (token "scopes") the sandbox knows and the permissions each grants. Roles are
 * additive: a token may do what any of its roles allows. The table is documented in the module's
 * README. Immutable and thread-safe.
 */
public final class RoleTable {

    /** The role of the admin token: every area, read and write. */
    public static final String ADMIN = "admin";

    private static final Map<String, List<Permission>> ROLES = build();

    private RoleTable() {
    }

    private static Map<String, List<Permission>> build() {
        Map<String, List<Permission>> m = new LinkedHashMap<>();
        List<Permission> all = new ArrayList<>();
        for (ApiArea a : EnumSet.complementOf(EnumSet.of(ApiArea.SANDBOX, ApiArea.PUBLIC))) {
            all.add(new Permission(a, Access.WRITE));
        }
        m.put(ADMIN, List.copyOf(all));
        m.put("data_manager", List.of(w(ApiArea.COLLECT), r(ApiArea.ENTITY), w(ApiArea.SEGMENT),
                r(ApiArea.SCHEMA), w(ApiArea.CONTENT)));
        m.put("marketer", List.of(r(ApiArea.ENTITY), w(ApiArea.SEGMENT), r(ApiArea.CONTENT)));
        m.put("observer", List.of(r(ApiArea.ENTITY), r(ApiArea.SEGMENT), r(ApiArea.SCHEMA), r(ApiArea.CONTENT),
                r(ApiArea.ACCOUNT), r(ApiArea.USER), r(ApiArea.TOKEN)));
        m.put("data", List.of(w(ApiArea.COLLECT)));
        m.put("authed2", List.of());
        m.put("v2_entity_view", List.of(r(ApiArea.ENTITY)));
        granular(m, "v2_segment", ApiArea.SEGMENT);
        granular(m, "v2_schema", ApiArea.SCHEMA);
        granular(m, "v2_content", ApiArea.CONTENT);
        granular(m, "v2_account_settings", ApiArea.ACCOUNT);
        granular(m, "v2_user", ApiArea.USER);
        granular(m, "v2_auth", ApiArea.TOKEN);
        return Collections.unmodifiableMap(m);
    }

    private static void granular(Map<String, List<Permission>> m, String prefix, ApiArea area) {
        m.put(prefix + "_view", List.of(r(area)));
        m.put(prefix + "_manage", List.of(w(area)));
    }

    private static Permission r(ApiArea a) {
        return new Permission(a, Access.READ);
    }

    private static Permission w(ApiArea a) {
        return new Permission(a, Access.WRITE);
    }

    /**
     * Every known role slug, in table order.
     *
     * @return the slugs
     */
    public static Set<String> roles() {
        return ROLES.keySet();
    }

    /**
     * The permissions of one role.
     *
     * @param role a role slug
     * @return its permissions; empty for an unknown slug
     */
    public static List<Permission> permissions(String role) {
        return ROLES.getOrDefault(role, List.of());
    }

    /**
     * The slugs among {@code roles} that the table does not know.
     *
     * @param roles role slugs; not null
     * @return the unknown ones, sorted
     */
    public static Set<String> unknown(Collection<String> roles) {
        Set<String> out = new TreeSet<>();
        for (String r : roles) {
            if (!ROLES.containsKey(r)) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * Whether any of {@code roles} allows a call.
     *
     * @param roles  the caller's roles; not null
     * @param area   the area the call touches
     * @param access what the call does
     * @return true when one role's permissions cover the call
     */
    public static boolean allows(Collection<String> roles, ApiArea area, Access access) {
        for (String role : roles) {
            for (Permission p : permissions(role)) {
                if (p.covers(area, access)) {
                    return true;
                }
            }
        }
        return false;
    }
}
