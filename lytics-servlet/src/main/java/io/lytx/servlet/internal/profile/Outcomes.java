package io.lytx.servlet.internal.profile;

import io.lytx.client.error.LyticsApiException;
import io.lytx.client.error.LyticsConnectionException;
import io.lytx.client.error.LyticsResponseException;
import io.lytx.client.error.LyticsTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Turns failures into the short reasons of {@link ProfileResult#reason()}, and holds the shared
 * "unavailable" results so that the common failure answers allocate nothing.
 */
final class Outcomes {

    static final String TIMEOUT = "timeout";
    static final String BREAKER_OPEN = "breaker open";
    static final String RATE_LIMITED = "rate limited";
    static final String CLOSED = "service closed";
    static final String BAD_RESPONSE = "unreadable answer";
    static final String CONNECTION = "connection failed";

    static final ProfileResult TIMED_OUT = ProfileResult.unavailable(TIMEOUT);
    static final ProfileResult REJECTED = ProfileResult.unavailable(BREAKER_OPEN);
    static final ProfileResult LIMITED = ProfileResult.unavailable(RATE_LIMITED);
    static final ProfileResult SERVICE_CLOSED = ProfileResult.unavailable(CLOSED);
    static final ProfileResult CANCELLED = ProfileResult.unavailable("cancelled");

    private Outcomes() {
    }

    /** The failure inside {@link CompletionException} / {@link ExecutionException} wrappers. */
    static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** A short reason for a failure; never includes the exception message (it may echo upstream text). */
    static String reason(Throwable error) {
        Throwable t = unwrap(error);
        if (t instanceof UnavailableException) {
            return t.getMessage();
        }
        if (t instanceof LyticsTimeoutException || t instanceof TimeoutException) {
            return TIMEOUT;
        }
        if (t instanceof LyticsApiException api) {
            return "upstream HTTP " + api.status();
        }
        if (t instanceof LyticsResponseException) {
            return BAD_RESPONSE;
        }
        if (t instanceof LyticsConnectionException) {
            return CONNECTION;
        }
        return "error: " + t.getClass().getSimpleName();
    }

    /** The result for a failed lookup, shared for the common reasons. */
    static ProfileResult unavailable(Throwable error) {
        String reason = reason(error);
        switch (reason) {
            case TIMEOUT:
                return TIMED_OUT;
            case BREAKER_OPEN:
                return REJECTED;
            default:
                return ProfileResult.unavailable(reason);
        }
    }
}
