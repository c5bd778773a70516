package io.lytx.sandbox.auth;

/**
 * What a call does to an API area: reads it, or changes it (which includes reading).
 *
 * <p>Immutable and thread-safe.
 */
public enum Access {
    /** Reads only (GET, HEAD, and the read-only POSTs such as segment validation and sizing). */
    READ,
    /** Changes state; covers {@link #READ}. */
    WRITE
}
