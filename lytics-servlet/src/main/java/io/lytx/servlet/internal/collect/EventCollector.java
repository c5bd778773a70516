package io.lytx.servlet.internal.collect;

import io.lytx.client.LyticsClient;
import io.lytx.client.collect.CollectOptions;
import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * Forwards events to the Lytics collection API ({@code POST /collect/json/{stream}?timestamp_field=_ts},
 * so that Lytics dates each event by its own {@value CollectEvent#TIME_FIELD}, not by when a batch or a
 * retry reaches it) in batches, from
 * one daemon worker thread named {@value #THREAD_NAME}, so that request threads never wait for Lytics.
 *
 * <p><b>Request side.</b> {@link #offer(CollectEvent)} never blocks, never serializes and never does
 * I/O: one compare-and-set reserves room in a lock-free queue bounded both in events and in
 * estimated bytes ({@link CollectorSettings#maxQueueEvents()}, {@link CollectorSettings#maxQueueBytes()});
 * {@linkplain CollectEvent#relayed() relayed} browser events may fill only
 * {@link CollectorSettings#relayedSharePercent()} of it, so that the server's page views always find room.
 * When there is no room the new event is dropped and counted ({@link CollectorMetrics#dropped()}):
 * memory stays bounded whatever Lytics does.
 *
 * <p><b>Worker side.</b> The worker sleeps (parked, no polling) until a batch is full
 * ({@link CollectorSettings#maxBatchEvents()} or {@link CollectorSettings#maxBatchBytes()} of JSON) or
 * the oldest waiting event has waited about {@link CollectorSettings#linger()}; it then serializes the
 * batch as a JSON array and posts it. Failures are retried as {@link RetryPolicy} describes, for at
 * most {@link CollectorSettings#maxRetryTime()} per batch; a final 4xx is counted as rejected and
 * logged once per status with Lytics' message. Each event carries its id ({@link CollectEvent#ID_FIELD})
 * on every attempt, so a retried batch can be deduplicated.
 *
 * <p><b>Lifecycle.</b> The constructor starts the worker. {@link #shutdown(Duration)} (or
 * {@link #close()}) flushes within a deadline, reports what could not be sent and joins the worker,
 * so that no thread outlives a web application's undeploy. With a {@linkplain CollectorSettings#spoolDir()
 * spool directory}, the events still unsent when the deadline passes (Lytics down during a redeploy)
 * are written there, and the next collector using the directory queues them at construction, with
 * their original ids and times (see the spool settings of {@link CollectorSettings}). All methods are
 * thread-safe.
 */
public final class EventCollector implements AutoCloseable {

    /** Name of the worker thread. */
    public static final String THREAD_NAME = "lytics-collector";
    /** Flush deadline used by {@link #close()}. */
    public static final Duration DEFAULT_SHUTDOWN_DEADLINE = Duration.ofSeconds(5);

    private static final Logger LOG = System.getLogger(EventCollector.class.getName());

    private final CollectorSettings settings;
    private final BoundedEventQueue queue;
    private final CollectorMetrics metrics;
    private final WorkerControl control = new WorkerControl();
    private final CollectorWorker worker;
    private final Thread thread;
    /** Null when spooling is off. */
    private final EventSpool spool;
    private volatile boolean closed;
    private ShutdownReport report;

    /**
     * Creates the collector and starts its worker thread.
     *
     * @param client   the Lytics client the batches are posted with; not null. The collector does not
     *                 close it. Its read timeout bounds how long one POST may block the worker.
     * @param settings queue, batch and retry settings; not null
     * @throws NullPointerException if an argument is null (the message names it)
     */
    public EventCollector(LyticsClient client, CollectorSettings settings) {
        this(settings, postingWith(Objects.requireNonNull(client, "client"), Objects.requireNonNull(settings, "settings")));
    }

    EventCollector(CollectorSettings settings, BatchTransport transport) {
        this.settings = Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(transport, "transport");
        this.queue = new BoundedEventQueue(settings.maxQueueEvents(), settings.maxQueueBytes(),
                settings.maxBatchEvents(), settings.maxBatchBytes(), settings.relayedSharePercent());
        this.metrics = new CollectorMetrics(queue);
        this.worker = new CollectorWorker(queue, new BatchSender(transport, settings, metrics, control), metrics,
                control, settings);
        this.thread = new Thread(worker, THREAD_NAME);
        thread.setDaemon(true);
        this.spool = settings.spoolDir() == null ? null : new EventSpool(settings.spoolDir(), settings.spoolMaxBytes());
        thread.start();
        if (spool != null) {
            replaySpool();
        }
    }

    /**
     * Queues the events of earlier runs found in the spool; those the queue has no room for are
     * written back for the next start. Blocks for the file I/O (at start only, bounded by the spool's
     * read bound).
     */
    private void replaySpool() {
        List<CollectEvent> spooled = spool.claimAll();
        if (spooled.isEmpty()) {
            return;
        }
        List<CollectEvent> noRoom = new ArrayList<>();
        int queued = 0;
        for (CollectEvent event : spooled) {
            if (offer(event)) {
                queued++;
            } else {
                noRoom.add(event);
            }
        }
        metrics.onReplayed(queued);
        int kept = spool.write(noRoom);
        int count = queued;
        LOG.log(Level.INFO, () -> "Queued " + count + " events left unsent by a previous run (spool " + spool.dir() + ")"
                + (noRoom.isEmpty() ? "" : "; " + kept + " that did not fit the queue are kept for the next start"));
    }

    private static BatchTransport postingWith(LyticsClient client, CollectorSettings settings) {
        String stream = settings.stream();
        // Lytics stamps an event with the time it receives it unless timestamp_field names the field
        // holding the event's own time: batching and retries would otherwise shift every event
        CollectOptions options = CollectOptions.defaults().timestampField(CollectEvent.TIME_FIELD);
        return body -> client.collect().jsonBody(stream, body, options);
    }

    /**
     * Queues an event for sending. Never blocks, never serializes, never does I/O; lock-free.
     *
     * @param event the event; not null
     * @return true if queued; false if dropped (queue full in events or bytes, or collector shut
     *         down), which is counted in {@link CollectorMetrics#dropped()}
     * @throws NullPointerException if {@code event} is null
     */
    public boolean offer(CollectEvent event) {
        Objects.requireNonNull(event, "event");
        if (closed) {
            metrics.onDropped();
            return false;
        }
        int result = queue.offer(event);
        if (result == BoundedEventQueue.DROPPED) {
            metrics.onDropped();
            return false;
        }
        metrics.onEnqueued();
        if (result == BoundedEventQueue.QUEUED_WAKE) {
            LockSupport.unpark(thread);
        }
        return true;
    }

    /**
     * The live counters of this collector.
     *
     * @return the metrics object (the same one on every call); never null
     */
    public CollectorMetrics metrics() {
        return metrics;
    }

    /**
     * @return the settings this collector runs with
     */
    public CollectorSettings settings() {
        return settings;
    }

    /**
     * Asks the worker to send, now, every event queued before this call, and waits for it at most
     * {@code deadline}. Blocks the caller (not the request path: meant for tests, shutdown hooks and
     * admin actions).
     *
     * @param deadline longest wait; not null, not negative
     * @return true if all those events were sent or refused for good within the deadline; false if
     *         some failed, the deadline passed (the worker goes on trying), the caller was interrupted
     *         (its interrupt flag is set again) or the collector is shut down with events unsent
     * @throws NullPointerException     if {@code deadline} is null
     * @throws IllegalArgumentException if {@code deadline} is negative
     */
    public boolean flush(Duration deadline) {
        requireNotNegative(deadline, "deadline");
        if (closed || !thread.isAlive()) {
            return queue.size() == 0 && worker.inFlight() == 0;
        }
        CompletableFuture<Boolean> request = worker.requestFlush();
        LockSupport.unpark(thread);
        try {
            return request.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return false;
        }
    }

    /**
     * Stops accepting events, sends what is queued within {@code deadline}, gives up the rest, and
     * joins the worker thread. An HTTP call still running at the deadline cannot be interrupted: it
     * is waited for at most {@link CollectorSettings#stopTimeout()} more (the client's read timeout
     * bounds it); see {@link #shutdown(Duration, Runnable)} to cut it instead. Idempotent: later
     * calls return the first report at once. Blocks the caller.
     *
     * @param deadline time allowed for the flush; not null, not negative
     * @return what was and was not sent; never null
     * @throws NullPointerException     if {@code deadline} is null
     * @throws IllegalArgumentException if {@code deadline} is negative
     */
    public ShutdownReport shutdown(Duration deadline) {
        return shutdown(deadline, null);
    }

    /**
     * Like {@link #shutdown(Duration)}, but if the deadline passes while an HTTP call is still in
     * flight, runs {@code abortInFlight} once to cut it, so that the whole shutdown takes about
     * {@code deadline}. Pass {@code client::close} when the Lytics client is closed right after
     * anyway (at undeploy): closing the client aborts its open connections.
     *
     * @param deadline      time allowed for the flush; not null, not negative
     * @param abortInFlight what cuts an in-flight call (run on the caller's thread; a
     *                      {@code RuntimeException} it throws is logged and ignored); null = wait for
     *                      the call instead
     * @return what was and was not sent; never null
     * @throws NullPointerException     if {@code deadline} is null
     * @throws IllegalArgumentException if {@code deadline} is negative
     */
    public synchronized ShutdownReport shutdown(Duration deadline, Runnable abortInFlight) {
        requireNotNegative(deadline, "deadline");
        if (report != null) {
            return report;
        }
        long start = System.nanoTime();
        long failedBefore = metrics.failed();
        closed = true;
        control.stopBy(start + deadline.toNanos());
        LockSupport.unpark(thread);
        boolean interrupted = join(deadline.toNanos());
        boolean inTime = !thread.isAlive();
        if (!inTime) {
            control.abandon();
            LockSupport.unpark(thread); // ends a backoff wait; an HTTP call is not interruptible anyway
            if (abortInFlight != null && worker.inFlight() > 0) {
                abort(abortInFlight);
            }
            interrupted |= join(settings.stopTimeout().toNanos());
        }
        boolean stopped = !thread.isAlive();
        List<CollectEvent> leftovers = discardLeftovers();
        if (spool != null) {
            List<CollectEvent> unsent = worker.takeUnsent();
            unsent.addAll(leftovers);
            int written = spool.write(unsent);
            metrics.onSpooled(written);
            if (written > 0) {
                LOG.log(Level.WARNING, () -> written + " unsent events written to the spool " + spool.dir()
                        + "; they are sent at the next start"
                        + (written < unsent.size() ? " (" + (unsent.size() - written) + " more did not fit "
                                + "lytics.spool.max.bytes and are lost)" : ""));
            }
        }
        long unsent = metrics.enqueued() - metrics.sent() - metrics.rejected() - failedBefore;
        report = new ShutdownReport(inTime && unsent == 0, Math.max(0, unsent), stopped,
                Duration.ofNanos(System.nanoTime() - start));
        log(report);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return report;
    }

    private static void abort(Runnable abortInFlight) {
        try {
            abortInFlight.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cutting the HTTP call in flight failed", e);
        }
    }

    /** Same as {@code shutdown(DEFAULT_SHUTDOWN_DEADLINE)}. */
    @Override
    public void close() {
        shutdown(DEFAULT_SHUTDOWN_DEADLINE);
    }

    /** Events offered while the worker was exiting (a race with shutdown) are counted as failed and returned. */
    private List<CollectEvent> discardLeftovers() {
        List<CollectEvent> left = new ArrayList<>();
        for (CollectEvent e; (e = queue.poll()) != null; ) {
            left.add(e);
        }
        metrics.onFailed(left.size());
        return left;
    }

    /** @return true if the caller was interrupted while waiting (the wait goes on regardless) */
    private boolean join(long nanos) {
        boolean interrupted = false;
        long end = System.nanoTime() + nanos;
        while (thread.isAlive()) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                TimeUnit.NANOSECONDS.timedJoin(thread, left);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        return interrupted;
    }

    private static void log(ShutdownReport report) {
        if (report.flushedInTime()) {
            LOG.log(Level.DEBUG, () -> "Event collector stopped, everything sent, in " + report.elapsed().toMillis() + " ms");
        } else {
            LOG.log(Level.WARNING, () -> "Event collector stopped after " + report.elapsed().toMillis() + " ms with "
                    + report.unsent() + " events not sent to Lytics"
                    + (report.workerStopped() ? "" : "; its thread is still waiting for an HTTP call to end"));
        }
    }

    private static void requireNotNegative(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was: " + value);
        }
    }

    @Override
    public String toString() {
        return "EventCollector[stream=" + settings.stream() + ", " + metrics + "]";
    }
}
