package io.lytx.servlet;

/**
 * What the profile service could tell about a visitor, so that pages can tell "no segments" from
 * "we could not ask".
 */
public enum ProfileStatus {
    /** Lytics answered with a profile. */
    KNOWN,
    /** Lytics answered HTTP 200 with its {@code "Not Found"} placeholder: a visitor it has not seen yet. */
    NEW_VISITOR,
    /** No answer within the budget: timeout, circuit breaker open, upstream error or unreadable answer. */
    UNAVAILABLE
}
