package io.lytx.sandbox.auth;

/**
 * The API families a role grants access to, named as in the README's role table.
 *
 * <p>Immutable and thread-safe.
 */
public enum ApiArea {
    /** {@code /collect/...}: data collection. */
    COLLECT,
    /** {@code /api/entity/...}, {@code /api/me/...}: profile lookups. */
    ENTITY,
    /** {@code /api/segment...}: segments, sizes, scans. */
    SEGMENT,
    /** {@code /api/schema...}: the catalog. */
    SCHEMA,
    /** {@code /api/content/...}: documents, recommendations, topics. */
    CONTENT,
    /** {@code /api/account...}: accounts and account settings (incl. the IP allowlist). */
    ACCOUNT,
    /** {@code /api/user...}: the account's users. */
    USER,
    /** {@code /api/auth...}, {@code /v2/auth...}: API tokens. */
    TOKEN,
    /** {@code /_sandbox/...}: the sandbox's control endpoints (admin token only). */
    SANDBOX,
    /** {@code /c/...}: the JS tag's browser collection; needs no token. */
    PUBLIC
}
