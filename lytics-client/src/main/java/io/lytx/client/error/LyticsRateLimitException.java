package io.lytx.client.error;

import java.time.Duration;
import java.util.Optional;

/**
 * HTTP 429: Lytics is rate limiting this caller. {@link #retryAfter()} is the wait the server asked
 * for in its {@code Retry-After} header (delta seconds or an HTTP-date), when it sent a valid one.
 *
 * <p>Immutable once created and thread-safe; the message never holds the token or identity values.
 */
public class LyticsRateLimitException extends LyticsApiException {

    private static final long serialVersionUID = 1L;

    /** The wait asked for, or null. */
    private final Duration retryAfter;

    /**
     * @param operation     the operation that failed
     * @param lyticsMessage Lytics' message (may be null)
     * @param retryAfter    the parsed wait, or null when absent or invalid
     */
    public LyticsRateLimitException(String operation, String lyticsMessage, Duration retryAfter) {
        super(operation, 429, lyticsMessage);
        this.retryAfter = retryAfter;
    }

    /** @return how long the server asked to wait (never negative), empty when it did not say */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
