package io.lytx.servlet.internal.profile;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.lytx.client.error.LyticsRateLimitException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What this node may ask of Lytics: a ceiling on upstream calls per second (off by default), and a
 * pause after Lytics answers 429, until the time its {@code Retry-After} names (or
 * {@link #DEFAULT_PAUSE} when it names none, capped at {@link #MAX_PAUSE}).
 *
 * <p>While paused or over the ceiling, a lookup that misses the cache gets no upstream call: the page
 * is served from the cache or as unavailable, at once. The ceiling is resilience4j's rate limiter
 * (permits refreshed each second, never waited for). Thread-safe; never blocks.
 */
final class UpstreamLimits {

    /** The pause after a 429 that names no {@code Retry-After}. */
    static final Duration DEFAULT_PAUSE = Duration.ofSeconds(5);
    /** The longest pause a {@code Retry-After} can ask for; a longer one is cut to this. */
    static final Duration MAX_PAUSE = Duration.ofMinutes(5);

    private final RateLimiter ceiling;
    private final AtomicLong pausedUntilNanos = new AtomicLong(System.nanoTime());

    /**
     * @param maxPerSecond the most upstream calls per second; 0 for no ceiling
     */
    UpstreamLimits(int maxPerSecond) {
        if (maxPerSecond < 0) {
            throw new IllegalArgumentException("maxPerSecond must be >= 0, was " + maxPerSecond);
        }
        this.ceiling = maxPerSecond == 0 ? null : RateLimiter.of("lytics-upstream", RateLimiterConfig.custom()
                .limitForPeriod(maxPerSecond)
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ZERO)
                .build());
    }

    /** The outcome of asking for one call. */
    enum Permit { GRANTED, PAUSED, OVER_CEILING }

    /** Asks for one upstream call now; takes one of the second's permits when granted. */
    Permit acquire() {
        if (System.nanoTime() - pausedUntilNanos.get() < 0) {
            return Permit.PAUSED;
        }
        if (ceiling != null && !ceiling.acquirePermission()) {
            return Permit.OVER_CEILING;
        }
        return Permit.GRANTED;
    }

    /** Pauses upstream calls when {@code failure} is Lytics' 429; other failures change nothing. */
    void record(Throwable failure) {
        if (failure instanceof LyticsRateLimitException limited) {
            Duration pause = limited.retryAfter().orElse(DEFAULT_PAUSE);
            if (pause.compareTo(MAX_PAUSE) > 0) {
                pause = MAX_PAUSE;
            }
            long until = System.nanoTime() + pause.toNanos();
            pausedUntilNanos.accumulateAndGet(until, (a, b) -> b - a > 0 ? b : a);
        }
    }

    /** Whether a 429 pause is in force now. */
    boolean paused() {
        return System.nanoTime() - pausedUntilNanos.get() < 0;
    }
}
