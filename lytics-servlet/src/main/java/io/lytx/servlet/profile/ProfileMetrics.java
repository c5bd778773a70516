package io.lytx.servlet.profile;

import java.time.Duration;

/**
 * A point-in-time snapshot of the profile service's counters, all cumulative since start-up.
 * Immutable; taking one costs a few counter reads and does not block lookups.
 *
 * @param hits                   profile lookups answered from the cache (including stale entries being refreshed)
 * @param negativeHits           the part of {@code hits} that were cached "new visitor" answers
 * @param misses                 profile lookups that had to wait for an upstream call (their own or a shared one)
 * @param loads                  upstream profile calls finished (answered, failed or cut), including background
 *                               refreshes
 * @param loadFailures           upstream profile calls that failed (error, timeout, unreadable answer)
 * @param refreshFailures        background refreshes that failed (the cached entry was kept until its hard expiry)
 * @param loadLatencyTotalNanos  sum of the durations of finished upstream profile calls
 * @param loadLatencyMaxNanos    the longest finished upstream profile call
 * @param timeouts               profile lookups answered "timeout" (their budget ran out, or the upstream call was
 *                               cut at the budget), plus recommendation lookups whose budget ran out
 * @param rejected               upstream calls not made because the circuit breaker was open
 * @param breakerState           the breaker's state: {@code CLOSED}, {@code OPEN}, {@code HALF_OPEN} (or another
 *                               resilience4j state name)
 * @param breakerTransitions     number of breaker state changes
 * @param recommendationHits     recommendation lookups answered from the cache
 * @param recommendationMisses   recommendation lookups that waited for an upstream call
 * @param recommendationFailures upstream recommendation calls that failed
 * @param cachedProfiles         approximate number of profile entries in the cache
 * @param limited                upstream calls not made because Lytics answered 429 (the pause it asked for)
 *                               or the node's calls-per-second ceiling was reached
 * @param paused                 whether a 429 pause is in force now
 * @param sharedHits             lookups that missed this node's cache and were answered by the shared cache
 * @param sharedMisses           lookups that missed this node's cache and the shared one
 * @param sharedFailures         shared-cache reads and writes that failed or were dropped (it was slow or down)
 */
public record ProfileMetrics(
        long hits,
        long negativeHits,
        long misses,
        long loads,
        long loadFailures,
        long refreshFailures,
        long loadLatencyTotalNanos,
        long loadLatencyMaxNanos,
        long timeouts,
        long rejected,
        String breakerState,
        long breakerTransitions,
        long recommendationHits,
        long recommendationMisses,
        long recommendationFailures,
        long cachedProfiles,
        long limited,
        boolean paused,
        long sharedHits,
        long sharedMisses,
        long sharedFailures) {

    /** Mean duration of a finished upstream profile call; zero before the first one. */
    public Duration meanLoadLatency() {
        return loads == 0 ? Duration.ZERO : Duration.ofNanos(loadLatencyTotalNanos / loads);
    }

    /** The longest finished upstream profile call. */
    public Duration maxLoadLatency() {
        return Duration.ofNanos(loadLatencyMaxNanos);
    }

    /** Share of profile lookups answered from the cache, 0 to 1; 0 before the first lookup. */
    public double hitRate() {
        long total = hits + misses;
        return total == 0 ? 0 : (double) hits / total;
    }
}
