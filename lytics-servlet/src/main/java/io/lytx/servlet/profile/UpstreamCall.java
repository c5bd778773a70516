package io.lytx.servlet.profile;

import io.lytx.servlet.metrics.UpstreamCalls;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import io.lytx.servlet.profile.UpstreamLimits.Permit;

/**
 * The one way the cache loaders call Lytics: ask the node's limits (a 429 pause, the calls-per-second
 * ceiling) and the shared breaker first, start the call, give it
 * up after {@link #guardNanos(Duration) the guard time} even if the client's own timeout does not
 * fire, record the outcome and duration in the breaker, and turn every outcome into a value.
 *
 * <p>The returned futures never fail: a refused call (breaker open) gives the caller's
 * {@code rejected} value, a call that throws, fails, times out or answers something
 * {@code check} refuses reaches {@code finish} with the failure. Never blocks: the call runs on
 * the client's threads and {@code finish} on whichever thread completes it. Thread-safe.
 *
 * <p>A 429 answer pauses the node's upstream calls for the time Lytics names ({@link UpstreamLimits}).
 */
final class UpstreamCall {

    /**
     * How an answered or failed call becomes the loader's value.
     *
     * @param <T> what Lytics answered
     * @param <R> the loader's value
     */
    @FunctionalInterface
    interface Finish<T, R> {

        /**
         * The loader's value of one finished call.
         *
         * @param answer    the answer; meaningful only when {@code failure} is null
         * @param failure   why the call is unusable, unwrapped; null when the answer is usable
         * @param tookNanos how long the call took
         * @return the value; may be whatever the loader caches
         */
        R apply(T answer, Throwable failure, long tookNanos);
    }

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
     * Runs one call through the breaker and the guard, and records how it ended in
     * {@link ProfileCounters#upstream}.
     *
     * @param api      which Lytics API the call goes to
     * @param request  starts the call; may throw, which counts as a failed call
     * @param check    null when an answer is usable, else the failure it stands for
     * @param rejected the value when the call is not made, given the reason: {@link Outcomes#RATE_LIMITED}
     *                 (paused after a 429, or over the ceiling; counted as limited) or
     *                 {@link Outcomes#BREAKER_OPEN} (counted as rejected)
     * @param finish   the value of a finished call
     * @return a future that never fails
     */
    <T, R> CompletableFuture<R> call(UpstreamCalls.Api api, Supplier<? extends CompletionStage<T>> request,
                                     Function<T, Throwable> check, Function<String, R> rejected, Finish<T, R> finish) {
        if (limits.acquire() != Permit.GRANTED) {
            counters.limited.increment();
            return CompletableFuture.completedFuture(rejected.apply(Outcomes.RATE_LIMITED));
        }
        if (!breaker.tryAcquire()) {
            counters.rejected.increment();
            return CompletableFuture.completedFuture(rejected.apply(Outcomes.BREAKER_OPEN));
        }
        long start = System.nanoTime();
        CompletableFuture<T> call;
        try {
            call = request.get().toCompletableFuture();
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        return timer.guard(call, guardNanos).handle((answer, error) -> {
            Throwable failure = error != null ? Outcomes.unwrap(error) : check.apply(answer);
            long took = System.nanoTime() - start;
            breaker.record(took, failure);
            limits.record(failure);
            counters.upstream.record(api, failure, took);
            return finish.apply(answer, failure, took);
        });
    }
}
