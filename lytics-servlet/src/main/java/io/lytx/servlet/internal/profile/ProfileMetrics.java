package io.lytx.servlet.internal.profile;

import java.time.Duration;

/**
 * A point-in-time snapshot of the profile service's counters, all cumulative since start-up: hits
 * and misses from the caches' own statistics, loads, failures and durations from the table of
 * upstream calls. Immutable; taking one costs a few counter reads and does not block lookups.
 *
 * @param hits                   profile lookups that found their entry in the cache: an answer (including a stale
 *                               one being refreshed) or a load already under way, which they share (Caffeine's
 *                               {@code hitCount})
 * @param misses                 profile lookups that found no entry: they started a load, or were answered at once
 *                               because the breaker was open or Lytics asked to wait (Caffeine's {@code missCount})
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
 * @param recommendationHits     recommendation lookups that found their entry in the cache (answered or under way)
 * @param recommendationMisses   recommendation lookups that found none and started a load
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
