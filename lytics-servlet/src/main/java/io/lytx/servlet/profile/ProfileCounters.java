package io.lytx.servlet.profile;

import io.lytx.servlet.metrics.UpstreamCalls;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * The live counters behind {@link ProfileMetrics}. Lock-free and allocation-free to update
 * ({@link LongAdder} cells), so that counting on the request path costs a few nanoseconds.
 */
final class ProfileCounters {

    final LongAdder hits = new LongAdder();
    final LongAdder negativeHits = new LongAdder();
    final LongAdder misses = new LongAdder();
    final LongAdder loads = new LongAdder();
    final LongAdder loadFailures = new LongAdder();
    final LongAdder refreshFailures = new LongAdder();
    final LongAdder loadNanosTotal = new LongAdder();
    final LongAccumulator loadNanosMax = new LongAccumulator(Math::max, 0);
    final LongAdder timeouts = new LongAdder();
    final LongAdder rejected = new LongAdder();
    final LongAdder limited = new LongAdder();
    final LongAdder recommendationHits = new LongAdder();
    final LongAdder recommendationMisses = new LongAdder();
    final LongAdder recommendationFailures = new LongAdder();
    /** Every upstream call (profile and recommendations) by outcome, with durations. */
    final UpstreamCalls upstream = new UpstreamCalls();

    /** Counts a finished upstream profile call. */
    void profileLoadFinished(long nanos, boolean failed) {
        loads.increment();
        loadNanosTotal.add(nanos);
        loadNanosMax.accumulate(nanos);
        if (failed) {
            loadFailures.increment();
        }
    }

    /** Takes a snapshot; the breaker figures and cache size come from their owners. */
    ProfileMetrics snapshot(String breakerState, long breakerTransitions, long cachedProfiles, boolean paused,
                            SharedProfileCache shared) {
        return new ProfileMetrics(hits.sum(), negativeHits.sum(), misses.sum(), loads.sum(), loadFailures.sum(),
                refreshFailures.sum(), loadNanosTotal.sum(), loadNanosMax.get(), timeouts.sum(), rejected.sum(),
                breakerState, breakerTransitions, recommendationHits.sum(), recommendationMisses.sum(),
                recommendationFailures.sum(), cachedProfiles, limited.sum(), paused,
                shared == null ? 0 : shared.hits.sum(), shared == null ? 0 : shared.misses.sum(),
                shared == null ? 0 : shared.failures.sum());
    }
}
