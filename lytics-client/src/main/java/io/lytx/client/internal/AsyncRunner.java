package io.lytx.client.internal;

import io.lytx.client.error.LyticsClientClosedException;
import io.lytx.client.error.LyticsConnectionException;
import io.lytx.client.error.LyticsTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Runs calls on the client's own daemon workers, each under an overall deadline.
 *
 * <p>Bounds: {@code threads} workers (idle ones end after 30 s) and at most {@code queueCapacity}
 * calls waiting for one; a call beyond that fails at once with {@link LyticsConnectionException}
 * rather than piling up. One timer thread fails each stage with {@link LyticsTimeoutException} when
 * its deadline passes and {@linkplain CallState#abort() aborts} the call, which cuts its HTTP
 * exchange; cancelling the stage aborts it too. Never blocks the submitting thread. Thread-safe.
 */
final class AsyncRunner {

    private final ThreadPoolExecutor workers;
    private final ScheduledThreadPoolExecutor timer;
    private final OwnedThreads workerThreads = new OwnedThreads("lytics-client-async-");
    private final OwnedThreads timerThreads = new OwnedThreads("lytics-client-deadline-");

    /**
     * @param threads       the number of workers
     * @param queueCapacity how many calls may wait for a worker
     */
    AsyncRunner(int threads, int queueCapacity) {
        this.workers = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(queueCapacity), workerThreads);
        this.workers.allowCoreThreadTimeOut(true);
        this.timer = new ScheduledThreadPoolExecutor(1, timerThreads);
        this.timer.setRemoveOnCancelPolicy(true);
    }

    /**
     * Starts a call on a worker.
     *
     * @param operation the operation, for messages
     * @param timeout   the overall deadline, positive
     * @param call      the call; runs on a worker with the call's state (not run when the deadline
     *                  passed while it waited)
     * @param <T>       the result type
     * @return a stage completed with the call's result or its exception, a
     *     {@link LyticsTimeoutException} at the deadline, a {@link LyticsConnectionException} when too
     *     many calls wait, or a {@link LyticsClientClosedException} after {@link #shutdown()}
     */
    <T> CompletionStage<T> run(String operation, Duration timeout, Function<CallState, T> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        CallState state = CallState.until(System.nanoTime() + timeout.toNanos());
        try {
            ScheduledFuture<?> deadline = timer.schedule(() -> {
                if (result.completeExceptionally(new LyticsTimeoutException(
                        operation + " did not finish within " + timeout.toMillis() + " ms", null))) {
                    state.abort();
                }
            }, timeout.toNanos(), TimeUnit.NANOSECONDS);
            result.whenComplete((v, t) -> {
                deadline.cancel(false);
                if (result.isCancelled()) {
                    state.abort();
                }
            });
            workers.execute(new Queued(operation, result, () -> {
                state.check(operation);
                result.complete(call.apply(state));
            }));
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(workers.isShutdown() ? new LyticsClientClosedException(operation, e)
                    : new LyticsConnectionException(operation + ": too many async calls waiting", e));
        }
        return result;
    }

    /** A call waiting for (or running on) a worker; {@link #shutdown()} fails the ones never started. */
    private record Queued(String operation, CompletableFuture<?> result, Runnable body) implements Runnable {
        @Override
        public void run() {
            try {
                body.run();
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }
    }

    /**
     * Stops taking calls, fails the waiting ones with {@link LyticsClientClosedException}, interrupts
     * the running ones and stops the timer. Does not wait; idempotent.
     */
    void shutdown() {
        for (Runnable never : workers.shutdownNow()) {
            if (never instanceof Queued call) {
                call.result().completeExceptionally(new LyticsClientClosedException(call.operation(), null));
            }
        }
        timer.shutdownNow();
    }

    /**
     * Waits until the worker and timer threads have ended, at most {@code max} for each group, so
     * that a servlet container undeploying the application finds none left: the threads themselves
     * are joined, since an executor counts as terminated a moment before its last thread has ended.
     * Call after {@link #shutdown()}. Blocks; an interrupt ends the wait early.
     *
     * @param max the longest wait for each group of threads
     */
    void awaitThreadsEnd(Duration max) {
        workerThreads.join(max);
        timerThreads.join(max);
    }
}
