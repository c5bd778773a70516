package io.lytx.client.entity;

/**
 * Whether Lytics knew the profile looked up.
 *
 * <p>Immutable and thread-safe.
 */
public enum EntityStatus {
    /** A profile was found; its fields and segments are real. */
    FOUND,
    /**
     * Lytics answered with its placeholder (HTTP 200, {@code "message":"Not Found"},
     * {@code segments:["not_found","all"]}): no profile, treat the visitor as unknown. (Its
     * {@code "Timed out"} answer is a {@link io.lytx.client.error.LyticsTimeoutException} instead.)
     */
    NOT_FOUND
}
