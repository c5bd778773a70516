package io.lytx.servlet.internal.collect;

import io.lytx.client.collect.CollectResult;
import io.lytx.client.error.LyticsApiException;
import io.lytx.client.error.LyticsClientClosedException;
import io.lytx.servlet.internal.metrics.UpstreamCalls;
import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * Sends one serialized batch, retrying retryable failures (see {@link RetryPolicy}) until it
 * succeeds, fails for good, the batch's total retry time ({@link CollectorSettings#maxRetryTime()})
 * would be exceeded, or the collector's shutdown deadline would be. Counts the outcome in the
 * metrics. A final 4xx is logged once per status code with Lytics' message, later ones at debug
 * level. Used only by the worker thread: not thread-safe.
 */
final class BatchSender {

    private static final Logger LOG = System.getLogger(BatchSender.class.getName());

    private final BatchTransport transport;
    private final RetryPolicy retryPolicy;
    private final long maxRetryNanos;
    private final CollectorMetrics metrics;
    private final WorkerControl control;
    private final Set<Integer> loggedStatuses = new HashSet<>();
    private boolean loggedGiveUp;
    private boolean loggedUnexpected;

    BatchSender(BatchTransport transport, CollectorSettings settings, CollectorMetrics metrics, WorkerControl control) {
        this.transport = transport;
        this.retryPolicy = new RetryPolicy(settings);
        this.maxRetryNanos = settings.maxRetryTime().toNanos();
        this.metrics = metrics;
        this.control = control;
    }

    /**
     * Sends the batch; blocks for the HTTP calls and the waits between them.
     *
     * @param body   the JSON array
     * @param events number of events in it
     * @return how it ended (already counted in the metrics)
     */
    BatchOutcome send(byte[] body, int events) {
        long start = System.nanoTime();
        int retries = 0;
        while (true) {
            RuntimeException failure;
            long postStart = System.nanoTime();
            try {
                CollectResult result = transport.post(body);
                metrics.upstreamCalls().record(UpstreamCalls.Api.COLLECT, null, System.nanoTime() - postStart);
                long refused = Math.max(0, Math.min(events, result.rejectedCount()));
                metrics.onSent(events - refused);
                metrics.onRejected(refused);
                metrics.onBatch();
                return BatchOutcome.SENT;
            } catch (RuntimeException e) {
                failure = e;
                metrics.upstreamCalls().record(UpstreamCalls.Api.COLLECT, e, System.nanoTime() - postStart);
            }
            metrics.onError(describe(failure));
            if (!RetryPolicy.isRetryable(failure)) {
                return giveUpFinal(failure, events);
            }
            long waitNanos = retryPolicy.delayBefore(failure, retries).toNanos();
            long spent = System.nanoTime() - start;
            if (spent + waitNanos > maxRetryNanos || control.wouldOverrun(waitNanos)) {
                return giveUpRetrying(failure, events, retries, spent);
            }
            if (!control.pause(waitNanos)) {
                return giveUpRetrying(failure, events, retries, System.nanoTime() - start);
            }
            retries++;
            metrics.onRetry();
        }
    }

    private BatchOutcome giveUpFinal(RuntimeException failure, int events) {
        if (failure instanceof LyticsApiException api) {
            boolean refused = api.status() >= 400 && api.status() < 500;
            if (refused) {
                metrics.onRejected(events);
            } else {
                metrics.onFailed(events);
            }
            boolean first = loggedStatuses.add(api.status());
            LOG.log(first ? Level.WARNING : Level.DEBUG,
                    () -> "Lytics refused a batch of " + events + " events with HTTP " + api.status() + ": \""
                            + api.lyticsMessage() + "\"; not retried"
                            + (first ? " (further answers with this status are logged at debug level)" : ""));
            return refused ? BatchOutcome.REJECTED : BatchOutcome.FAILED;
        }
        metrics.onFailed(events);
        if (failure instanceof LyticsClientClosedException) {
            // shutdown cut the call in flight (it closes the client on purpose and reports the unsent
            // events itself), or the application closed the client before the collector: no stack trace
            boolean cut = control.abandoned();
            LOG.log(cut ? Level.DEBUG : Level.WARNING, () -> "A batch of " + events + " events was not sent: "
                    + (cut ? "shutdown closed the Lytics client to keep its deadline"
                            : "the Lytics client is closed (close the collector before its client)"));
            return BatchOutcome.FAILED;
        }
        boolean first = !loggedUnexpected;
        loggedUnexpected = true;
        LOG.log(first ? Level.WARNING : Level.DEBUG, () -> "A batch of " + events
                + " events could not be sent and is not retried: " + describe(failure), failure);
        return BatchOutcome.FAILED;
    }

    private BatchOutcome giveUpRetrying(RuntimeException failure, int events, int retries, long spentNanos) {
        metrics.onFailed(events);
        boolean first = !loggedGiveUp;
        loggedGiveUp = true;
        LOG.log(first ? Level.WARNING : Level.DEBUG,
                () -> "Gave up a batch of " + events + " events after " + retries + " retries in "
                        + Duration.ofNanos(spentNanos).toMillis() + " ms: " + describe(failure));
        return BatchOutcome.FAILED;
    }

    private static String describe(RuntimeException failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
