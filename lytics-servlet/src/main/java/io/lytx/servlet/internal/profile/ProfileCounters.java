package io.lytx.servlet.internal.profile;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.lytx.servlet.internal.metrics.UpstreamCalls.Api;
import io.lytx.servlet.internal.metrics.UpstreamCalls.Outcome;
import io.lytx.servlet.internal.metrics.UpstreamCalls;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * The live figures behind {@link ProfileMetrics} that neither the caches' own statistics
 * ({@link CacheStats}: hits and misses) nor the table of upstream calls ({@link UpstreamCalls}:
 * loads, failures, durations) hold: lookups cut by their budget, calls not made (breaker open, rate
 * limits), failed background refreshes and the longest call. Lock-free and allocation-free to update.
 */
final class ProfileCounters {

    final LongAdder refreshFailures = new LongAdder();
    final LongAccumulator loadNanosMax = new LongAccumulator(Math::max, 0);
    final LongAdder timeouts = new LongAdder();
    final LongAdder rejected = new LongAdder();
    final LongAdder limited = new LongAdder();
    /** Every upstream call (profile and recommendations) by outcome, with durations. */
    final UpstreamCalls upstream = new UpstreamCalls();

    /** Takes a snapshot; the cache statistics, breaker figures and cache size come from their owners. */
    ProfileMetrics snapshot(CacheStats profileStats, CacheStats recommendationStats, String breakerState,
                            long breakerTransitions, long cachedProfiles, boolean paused, SharedProfileCache shared) {
        long loads = 0;
        long loadNanos = 0;
        long recommendationCalls = 0;
        for (Outcome outcome : Outcome.values()) {
            loads += upstream.count(Api.PROFILE, outcome);
            loadNanos += upstream.totalNanos(Api.PROFILE, outcome);
            recommendationCalls += upstream.count(Api.RECOMMENDATIONS, outcome);
        }
        return new ProfileMetrics(profileStats.hitCount(), profileStats.missCount(), loads,
                loads - upstream.count(Api.PROFILE, Outcome.SUCCESS), refreshFailures.sum(), loadNanos,
                loadNanosMax.get(), timeouts.sum(), rejected.sum(), breakerState, breakerTransitions,
                recommendationStats.hitCount(), recommendationStats.missCount(),
                recommendationCalls - upstream.count(Api.RECOMMENDATIONS, Outcome.SUCCESS), cachedProfiles,
                limited.sum(), paused, shared == null ? 0 : shared.hits.sum(), shared == null ? 0 : shared.misses.sum(),
                shared == null ? 0 : shared.failures.sum());
    }
}
