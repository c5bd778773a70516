package io.lytx.servlet.internal.collect;

import io.lytx.client.error.LyticsApiException;
import io.lytx.client.error.LyticsConnectionException;
import io.lytx.client.error.LyticsRateLimitException;
import io.lytx.client.error.LyticsResponseException;
import io.lytx.client.error.LyticsServerException;
import io.lytx.client.error.LyticsTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Decides whether a failed POST is retried, and how long to wait first.
 *
 * <p>Retried: I/O failures (connection refused or reset, timeouts), answers that could not be read,
 * and HTTP 408, 429 and 5xx except 501, 505 and 511 (those will not change by retrying). Every other
 * answer is final. The wait is the server's {@code Retry-After} when it gave one with a 429 or a
 * 5xx such as 503 (capped by
 * {@link CollectorSettings#maxRetryAfter()}), otherwise exponential backoff with full jitter: a
 * uniform draw in {@code [0, min(maxBackoff, initialBackoff * 2^retry))}. Stateless and thread-safe.
 */
final class RetryPolicy {

    private final long initialBackoffNanos;
    private final long maxBackoffNanos;
    private final Duration maxRetryAfter;

    RetryPolicy(CollectorSettings settings) {
        this.initialBackoffNanos = settings.initialBackoff().toNanos();
        this.maxBackoffNanos = settings.maxBackoff().toNanos();
        this.maxRetryAfter = settings.maxRetryAfter();
    }

    /**
     * @param failure what the POST threw
     * @return true if sending the same batch again may succeed
     */
    static boolean isRetryable(RuntimeException failure) {
        if (failure instanceof LyticsApiException api) {
            return isRetryableStatus(api.status());
        }
        return failure instanceof LyticsConnectionException
                || failure instanceof LyticsTimeoutException
                || failure instanceof LyticsResponseException;
    }

    /**
     * @param status an HTTP error status
     * @return true for 408, 429 and 5xx except 501, 505 and 511
     */
    static boolean isRetryableStatus(int status) {
        if (status == 408 || status == 429) {
            return true;
        }
        return status >= 500 && status <= 599 && status != 501 && status != 505 && status != 511;
    }

    /**
     * The wait before retry number {@code retry} (0 for the first retry).
     *
     * @param failure the failure being retried
     * @param retry   how many retries this batch has had so far
     * @return the server's capped {@code Retry-After} if it sent one, else a jittered backoff; never negative
     */
    Duration delayBefore(RuntimeException failure, int retry) {
        Optional<Duration> asked = retryAfter(failure);
        if (asked.isPresent()) {
            Duration wait = asked.get();
            if (wait.isNegative()) {
                return Duration.ZERO;
            }
            return wait.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : wait;
        }
        long bound = initialBackoffNanos << Math.min(retry, 30);
        if (bound <= 0 || bound > maxBackoffNanos) {
            bound = maxBackoffNanos;
        }
        return Duration.ofNanos(ThreadLocalRandom.current().nextLong(bound));
    }

    private static Optional<Duration> retryAfter(RuntimeException failure) {
        if (failure instanceof LyticsRateLimitException limited) {
            return limited.retryAfter();
        }
        if (failure instanceof LyticsServerException unavailable) {
            return unavailable.retryAfter();
        }
        return Optional.empty();
    }
}
