package io.lytx.servlet.internal.profile;

/**
 * A cache entry: a value and the cache ticker's reading at which it must be dropped.
 *
 * <p>The expiry is stored in the entry rather than recomputed on each write, so that a failed
 * background refresh, which keeps the same entry, cannot extend its life. A failed load is stored
 * as an entry that expires at once: the callers sharing the load get their answer, and the next
 * lookup asks again. (Failing the load's future instead would make Caffeine log a warning with a
 * stack trace for every failed load, a log flood during an outage.)
 *
 * @param value     what the callers get
 * @param expiresAt the ticker reading, in nanoseconds, from which the entry is gone
 * @param answered  whether Lytics answered (false: a failure standing in for the caller's fallback)
 * @param <V>       the value type
 */
record CacheEntry<V>(V value, long expiresAt, boolean answered) {

    /** A failure: the value callers get, gone from the cache at once. */
    static <V> CacheEntry<V> failed(V fallback, long now) {
        return new CacheEntry<>(fallback, now, false);
    }
}
