package io.lytx.servlet.internal.profile;

import io.lytx.servlet.internal.metrics.UpstreamCalls;
import io.lytx.servlet.internal.profile.UpstreamLimits.Permit;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The one way the cache loaders call Lytics, in three steps: {@link #acquire()} asks the node's
 * limits (a 429 pause, the calls-per-second ceiling) and the shared breaker whether a call may be
 * made; the loader starts the call and hands it to {@link #guard}, which gives it up after
 * {@link #guardNanos(Duration) the guard time} even if the client's own timeout does not fire; when
 * it has ended, the loader reports how with {@link #record}, which feeds the breaker, the limits and
 * {@link ProfileCounters#upstream}.
 *
 * <p>Never blocks. Thread-safe. A 429 answer pauses the node's upstream calls for the time Lytics
 * names ({@link UpstreamLimits}).
 */
final class UpstreamCall {

    private final UpstreamBreaker breaker;
    private final UpstreamLimits limits;
    private final BudgetTimer timer;
    private final ProfileCounters counters;
    private final long guardNanos;

    UpstreamCall(UpstreamBreaker breaker, UpstreamLimits limits, BudgetTimer timer, ProfileCounters counters,
                 Duration budget) {
        this.breaker = breaker;
        this.limits = limits;
        this.timer = timer;
        this.counters = counters;
        this.guardNanos = guardNanos(budget);
    }

    /** How long an upstream call is given before it is given up on regardless of its own timeout: twice the budget plus 100 ms. */
    static long guardNanos(Duration budget) {
        return budget.toNanos() * 2 + 100_000_000L;
    }

    /**
     * Asks for one upstream call now. When this returns null the caller must make the call and
     * {@link #record} its end.
     *
     * @return null when the call may be made; else why not: {@link Outcomes#RATE_LIMITED} (paused
     *         after a 429, or over the ceiling; counted as limited) or {@link Outcomes#BREAKER_OPEN}
     *         (counted as rejected)
     */
    String acquire() {
        if (limits.acquire() != Permit.GRANTED) {
            counters.limited.increment();
            return Outcomes.RATE_LIMITED;
        }
        if (!breaker.tryAcquire()) {
            counters.rejected.increment();
            return Outcomes.BREAKER_OPEN;
        }
        return null;
    }

    /**
     * The call, given up after the guard time: the returned future completes when the call does, or
     * fails with a timeout after the guard time, whichever comes first.
     *
     * @param call the started call
     * @return the guarded call
     */
    <T> CompletableFuture<T> guard(CompletableFuture<T> call) {
        return timer.guard(call, guardNanos);
    }

    /**
     * Records the end of a call allowed by {@link #acquire()}: in the breaker, the limits and the
     * table of upstream calls.
     *
     * @param api        which Lytics API the call went to
     * @param startNanos {@link System#nanoTime()} when the call was started
     * @param failure    why the call is unusable (unwrapped), or null when Lytics answered usably
     * @return how long the call took, in nanoseconds
     */
    long record(UpstreamCalls.Api api, long startNanos, Throwable failure) {
        long took = System.nanoTime() - startNanos;
        breaker.record(took, failure);
        limits.record(failure);
        counters.upstream.record(api, failure, took);
        return took;
    }
}
