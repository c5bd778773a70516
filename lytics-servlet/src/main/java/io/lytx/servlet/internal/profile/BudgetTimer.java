package io.lytx.servlet.internal.profile;

import io.lytx.client.internal.OwnedThreads;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * Bounds how long each caller waits for a shared upstream call, without ever cancelling or
 * completing that shared call: a caller gets its own dependent future, completed either by the shared
 * call or, when its remaining budget runs out first, with a fallback.
 *
 * <p>Owns one daemon thread ({@code lytics-profile-timer-1}), created on first use and stopped by
 * {@link #close()}; cancelled timeouts are removed at once so the queue does not grow. Deliberately
 * not the JDK's {@code CompletableFuture.orTimeout} scheduler, whose thread would outlive a web
 * application's undeploy. Thread-safe.
 */
final class BudgetTimer implements AutoCloseable {

    private final OwnedThreads threads = new OwnedThreads("lytics-profile-timer-");
    private final ScheduledThreadPoolExecutor timer;

    BudgetTimer() {
        timer = new ScheduledThreadPoolExecutor(1, threads);
        timer.setRemoveOnCancelPolicy(true);
    }

    /**
     * A future completed with {@code outcome} of the shared call, or with {@code fallback} once
     * {@code nanos} have passed, whichever comes first.
     *
     * @param shared    the shared call; never completed or cancelled here
     * @param nanos     how long this caller may wait, > 0
     * @param outcome   maps the shared call's value or failure (unwrapped) to this caller's answer
     * @param fallback  the answer when time runs out (or when this timer is closed)
     * @param onExpired run once when the fallback was used because time ran out
     */
    <T, R> CompletableFuture<R> within(CompletableFuture<T> shared, long nanos,
                                       BiFunction<? super T, Throwable, ? extends R> outcome,
                                       R fallback, Runnable onExpired) {
        CompletableFuture<R> answer = new CompletableFuture<>();
        ScheduledFuture<?> expiry;
        try {
            expiry = timer.schedule(() -> {
                if (answer.complete(fallback)) {
                    onExpired.run();
                }
            }, nanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closed) {
            answer.complete(fallback);
            return answer;
        }
        shared.whenComplete((value, error) -> {
            expiry.cancel(false);
            answer.complete(outcome.apply(value, error == null ? null : Outcomes.unwrap(error)));
        });
        return answer;
    }

    /**
     * A future that follows {@code call}, but fails with an {@link UnavailableException} when
     * {@code call} has not finished after {@code nanos}. A safety net for the breaker and the cache:
     * an upstream call whose own timeout did not fire still ends, and is reported, once.
     */
    <T> CompletableFuture<T> guard(CompletableFuture<T> call, long nanos) {
        CompletableFuture<T> guarded = new CompletableFuture<>();
        ScheduledFuture<?> expiry;
        try {
            expiry = timer.schedule(() -> guarded.completeExceptionally(
                    new UnavailableException(Outcomes.TIMEOUT)), nanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closed) {
            guarded.completeExceptionally(new UnavailableException(Outcomes.CLOSED));
            return guarded;
        }
        call.whenComplete((value, error) -> {
            expiry.cancel(false);
            if (error == null) {
                guarded.complete(value);
            } else {
                guarded.completeExceptionally(Outcomes.unwrap(error));
            }
        });
        return guarded;
    }

    /**
     * Stops taking timeouts and stops the thread once the pending ones have fired, so that no waiting
     * caller is left without an answer; waits at most {@code maxWaitNanos} for that, then stops the
     * thread regardless. Blocks the calling thread for at most about {@code maxWaitNanos}.
     */
    void close(long maxWaitNanos) {
        timer.shutdown();
        try {
            if (!timer.awaitTermination(maxWaitNanos, TimeUnit.NANOSECONDS)) {
                timer.shutdownNow();
            }
        } catch (InterruptedException e) {
            timer.shutdownNow();
            Thread.currentThread().interrupt();
        }
        // the executor counts as terminated a moment before its thread has finished exiting
        threads.join(Duration.ofNanos(Math.max(maxWaitNanos, 1)));
    }

    /** {@link #close(long)} waiting at most one second. */
    @Override
    public void close() {
        close(TimeUnit.SECONDS.toNanos(1));
    }
}
