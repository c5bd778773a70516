package io.lytx.client.error;

import java.time.Duration;
import java.util.Optional;

/**
 * HTTP 5xx: Lytics failed; retrying later with backoff may succeed. A 503 (or any 5xx) that carries
 * a valid {@code Retry-After} header (delta seconds or an HTTP-date) exposes the wait the server
 * asked for through {@link #retryAfter()}. Immutable and thread-safe.
 */
public class LyticsServerException extends LyticsApiException {

    private static final long serialVersionUID = 1L;

    /** The wait asked for, or null. */
    private final Duration retryAfter;

    /**
     * An error without a {@code Retry-After}.
     *
     * @param operation     the operation that failed
     * @param status        the 5xx status
     * @param lyticsMessage Lytics' message (may be null)
     */
    public LyticsServerException(String operation, int status, String lyticsMessage) {
        this(operation, status, lyticsMessage, null);
    }

    /**
     * An error with the wait the server asked for.
     *
     * @param operation     the operation that failed
     * @param status        the 5xx status
     * @param lyticsMessage Lytics' message (may be null)
     * @param retryAfter    the parsed {@code Retry-After} wait, never negative; null when absent or invalid
     * @throws IllegalArgumentException when {@code retryAfter} is negative
     */
    public LyticsServerException(String operation, int status, String lyticsMessage, Duration retryAfter) {
        super(operation, status, lyticsMessage);
        if (retryAfter != null && retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative, was " + retryAfter);
        }
        this.retryAfter = retryAfter;
    }

    /** @return how long the server asked to wait (never negative), empty when it did not say */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
