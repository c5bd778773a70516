package io.lytx.sandbox.manage;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The sandbox's single Lytics account.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id      the 32-hex account id
 * @param aid     the legacy numeric account id
 * @param name    the account name
 * @param domain  the account's primary domain
 * @param created when the account was created
 */
public record AccountInfo(String id, long aid, String name, String domain, Instant created) {

    /** The legacy numeric account id ({@code aid}) of the sandbox's account. */
    public static final long SANDBOX_AID = 1L;

    /**
     * Checks the arguments.
     *
     * @param id the 32-hex account id
     * @param aid the legacy numeric account id
     * @param name the account name
     * @param domain the account's primary domain
     * @param created when the account was created
     * @throws NullPointerException when a text or the instant is null
     */
    public AccountInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(created, "created");
    }

    /**
     * Whether {@code ref} names this account: its id, its aid, or {@code current}.
     *
     * @param ref a path segment
     * @return true when it names this account
     */
    public boolean isNamedBy(String ref) {
        return "current".equals(ref) || hasId(ref);
    }

    /**
     * Whether {@code ref} is this account's id or aid (what an {@code account_id} parameter or the
     * public {@code /api/me/{account}/...} path may carry).
     *
     * @param ref an account reference; null gives false
     * @return true for the 32-hex id or the decimal aid
     */
    public boolean hasId(String ref) {
        return id.equals(ref) || Long.toString(aid).equals(ref);
    }

    /**
     * The account as the API shows it.
     *
     * @return the Lytics account fields
     */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("aid", aid);
        m.put("parent_id", "");
        m.put("name", name);
        m.put("domain", domain);
        m.put("fid", domain);
        m.put("email", "admin@" + domain);
        m.put("timezone", "UTC");
        m.put("pubusers", true);
        m.put("created", created.toString());
        m.put("updated", created.toString());
        return m;
    }
}
