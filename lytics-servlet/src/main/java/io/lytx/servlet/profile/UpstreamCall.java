package io.lytx.servlet.profile;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one way the cache loaders call Lytics: ask the shared breaker first, start the call, give it
 * up after {@link #guardNanos(Duration) the guard time} even if the client's own timeout does not
 * fire, record the outcome and duration in the breaker, and turn every outcome into a value.
 *
 * <p>The returned futures never fail: a refused call (breaker open) gives the caller's
 * {@code rejected} value, a call that throws, fails, times out or answers something
 * {@code check} refuses reaches {@code finish} with the failure. Never blocks: the call runs on
 * the client's threads and {@code finish} on whichever thread completes it. Thread-safe.
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
    private final BudgetTimer timer;
    private final ProfileCounters counters;
    private final long guardNanos;

    UpstreamCall(UpstreamBreaker breaker, BudgetTimer timer, ProfileCounters counters, Duration budget) {
        this.breaker = breaker;
        this.timer = timer;
        this.counters = counters;
        this.guardNanos = guardNanos(budget);
    }

    /** How long an upstream call is given before it is given up on regardless of its own timeout: twice the budget plus 100 ms. */
    static long guardNanos(Duration budget) {
        return budget.toNanos() * 2 + 100_000_000L;
    }

    /**
     * Runs one call through the breaker and the guard.
     *
     * @param request  starts the call; may throw, which counts as a failed call
     * @param check    null when an answer is usable, else the failure it stands for
     * @param rejected the value when the breaker refuses the call (counted as rejected)
     * @param finish   the value of a finished call
     * @return a future that never fails
     */
    <T, R> CompletableFuture<R> call(Supplier<? extends CompletionStage<T>> request, Function<T, Throwable> check,
                                     Supplier<R> rejected, Finish<T, R> finish) {
        if (!breaker.tryAcquire()) {
            counters.rejected.increment();
            return CompletableFuture.completedFuture(rejected.get());
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
            return finish.apply(answer, failure, took);
        });
    }
}
