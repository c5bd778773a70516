package io.lytx.servlet.internal.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Objects;

/**
 * Token buckets per key (a visitor id, or a client address key): each key may send {@code perMinute}
 * events at once (the burst) and regains one every {@code 60 s / perMinute}. Buckets live in a
 * bounded Caffeine cache (100 000 keys, dropped after two idle minutes), so memory stays bounded
 * whatever the traffic; a key evicted early only gets a fresh burst, which the other limiter still
 * bounds. Thread-safe and non-blocking.
 */
public final class VisitorRateLimiter {

    private final int capacity;
    private final long nanosPerToken;
    private final Cache<String, Bucket> buckets;

    /** @param perMinute events per key and minute, at least 1 */
    public VisitorRateLimiter(int perMinute) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("perMinute must be at least 1: " + perMinute);
        }
        this.capacity = perMinute;
        this.nanosPerToken = Duration.ofMinutes(1).toNanos() / perMinute;
        this.buckets = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(2)).build();
    }

    /**
     * Takes one token of the key's bucket.
     *
     * @param visitorId the key (visitor id or address key), never null
     * @return 0 when allowed, else the seconds to wait before the next token (at least 1)
     */
    public long acquire(String visitorId) {
        Objects.requireNonNull(visitorId, "visitorId");
        Bucket b = buckets.get(visitorId, k -> new Bucket(capacity, System.nanoTime()));
        return b.take(System.nanoTime(), capacity, nanosPerToken);
    }

    private static final class Bucket {
        private double tokens;
        private long updated;

        Bucket(int tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        synchronized long take(long now, int capacity, long nanosPerToken) {
            tokens = Math.min(capacity, tokens + (double) (now - updated) / nanosPerToken);
            updated = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            double missingNanos = (1 - tokens) * nanosPerToken;
            return Math.max(1, (long) Math.ceil(missingNanos / 1e9));
        }
    }
}
