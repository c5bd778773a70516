package io.lytx.servlet.internal.collect;

import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The body of the collector's single worker thread: waits (parked, never polling) until a batch is
 * full, the oldest waiting event has lingered long enough, a flush is asked for or shutdown begins;
 * then cuts a batch (by count and by serialized bytes), serializes it and hands it to the
 * {@link BatchSender}. Only {@link #inFlight()} and {@link #requestFlush()} may be called from other
 * threads.
 */
final class CollectorWorker implements Runnable {

    private static final Logger LOG = System.getLogger(CollectorWorker.class.getName());
    private static final long DROP_LOG_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final BoundedEventQueue queue;
    private final BatchSender sender;
    private final CollectorMetrics metrics;
    private final WorkerControl control;
    private final int maxBatchEvents;
    private final long maxBatchBytes;
    private final long lingerNanos;
    private final JsonBatchWriter writer = new JsonBatchWriter();
    private final ConcurrentLinkedQueue<CompletableFuture<Boolean>> flushRequests = new ConcurrentLinkedQueue<>();
    /** Whether events not sent at shutdown are kept for the spool (else only counted). */
    private final boolean keepUnsent;
    /** Events given up during shutdown, for the spool; read by the stopping thread once this one has ended. */
    private final ConcurrentLinkedQueue<CollectEvent> unsent = new ConcurrentLinkedQueue<>();
    /** The events of the batch being written and sent (only those that fit and could be written). */
    private final List<CollectEvent> batch = new ArrayList<>();

    /** An event taken from the queue that did not fit in the previous batch; it goes first in the next. */
    private CollectEvent carry;
    private volatile int inFlight;
    private BatchOutcome lastOutcome;
    private long droppedLogged;
    private long lastDropLogNanos;
    private boolean loggedDrops;
    private boolean loggedBrokenEvent;

    CollectorWorker(BoundedEventQueue queue, BatchSender sender, CollectorMetrics metrics, WorkerControl control,
            CollectorSettings settings) {
        this.queue = queue;
        this.sender = sender;
        this.metrics = metrics;
        this.control = control;
        this.maxBatchEvents = settings.maxBatchEvents();
        this.maxBatchBytes = settings.maxBatchBytes();
        this.lingerNanos = settings.linger().toNanos();
        this.keepUnsent = settings.spoolDir() != null;
    }

    /**
     * Takes the events this worker gave up while stopping (a batch that failed during the final
     * flush, and what was still queued), oldest first, to be spooled; empty unless a spool is set.
     * Call after the worker thread has ended; with a worker still stuck in an HTTP call, its batch is
     * not among them.
     */
    List<CollectEvent> takeUnsent() {
        List<CollectEvent> out = new ArrayList<>();
        for (CollectEvent e; (e = unsent.poll()) != null; ) {
            out.add(e);
        }
        return out;
    }

    /** @return events of the batch being sent right now (0 when none) */
    int inFlight() {
        return inFlight;
    }

    /**
     * Registers a flush; the caller must then wake the worker.
     *
     * @return completes with true once every event queued before the call was sent or refused for
     *         good, false if some failed or the worker stopped first
     */
    CompletableFuture<Boolean> requestFlush() {
        CompletableFuture<Boolean> request = new CompletableFuture<>();
        flushRequests.add(request);
        return request;
    }

    @Override
    public void run() {
        try {
            loop();
        } finally {
            discardRemaining();
            completeFlushes(false);
        }
    }

    private void loop() {
        boolean lingering = false;
        long lingerDeadline = 0;
        while (!control.abandoned()) {
            reportDrops();
            if (control.stopping()) {
                boolean drained = drainUntilEmptyOrOutOfTime();
                completeFlushes(drained);
                return;
            }
            if (!flushRequests.isEmpty()) {
                serveFlushes();
                continue;
            }
            if (!hasPending()) {
                lingering = false;
                LockSupport.park(this);
                Thread.interrupted();
                continue;
            }
            long now = System.nanoTime();
            if (!lingering) {
                lingering = true;
                lingerDeadline = now + lingerNanos;
            }
            if (carry != null || queue.batchReady() || now - lingerDeadline >= 0) {
                sendOneBatch();
                lingerDeadline = System.nanoTime() + lingerNanos;
                continue;
            }
            LockSupport.parkNanos(this, lingerDeadline - now);
            Thread.interrupted();
        }
    }

    private boolean hasPending() {
        return carry != null || queue.size() > 0;
    }

    /** Sends, batch after batch, the events that were waiting when the flushes were asked for. */
    private void serveFlushes() {
        List<CompletableFuture<Boolean>> served = new ArrayList<>();
        for (CompletableFuture<Boolean> request; (request = flushRequests.poll()) != null; ) {
            served.add(request);
        }
        long target = queue.size() + (carry != null ? 1 : 0);
        long processed = 0;
        boolean allDelivered = true;
        while (processed < target && !control.outOfTime()) {
            int sent = sendOneBatch();
            if (sent == 0) {
                if (queue.size() == 0) {
                    break;
                }
                Thread.onSpinWait(); // an event is reserved but not yet linked into the queue
                continue;
            }
            processed += sent;
            allDelivered &= lastOutcome != BatchOutcome.FAILED;
        }
        boolean ok = allDelivered && processed >= target;
        served.forEach(request -> request.complete(ok));
    }

    /** During shutdown: sends until nothing is left or the deadline passes. */
    private boolean drainUntilEmptyOrOutOfTime() {
        boolean allDelivered = true;
        while (hasPending() && !control.outOfTime()) {
            int sent = sendOneBatch();
            if (sent == 0) {
                Thread.onSpinWait(); // an event is reserved but not yet linked into the queue
                continue;
            }
            allDelivered &= lastOutcome != BatchOutcome.FAILED;
        }
        return allDelivered && !hasPending();
    }

    /**
     * Cuts, serializes and sends one batch.
     *
     * @return number of events taken from the queue: those in the batch, plus any left out because
     *         they could not be written (0 if nothing was there)
     */
    private int sendOneBatch() {
        writer.reset();
        batch.clear();
        int broken = 0;
        if (carry != null) {
            broken += append(carry) ? 0 : 1; // alone in the batch, it always fits
            carry = null;
        }
        while (writer.count() < maxBatchEvents) {
            CollectEvent event = queue.poll();
            if (event == null) {
                break;
            }
            try {
                if (!writer.tryAppend(event, maxBatchBytes)) {
                    carry = event;
                    break;
                }
                batch.add(event);
            } catch (RuntimeException e) {
                broken++;
                reportBrokenEvent(e);
            }
        }
        int events = writer.count();
        if (events == 0) {
            if (broken > 0) {
                lastOutcome = BatchOutcome.FAILED;
            }
            return broken;
        }
        byte[] body = writer.finish();
        inFlight = events;
        try {
            lastOutcome = sender.send(body, events);
        } finally {
            inFlight = 0;
        }
        if (lastOutcome == BatchOutcome.FAILED && keepUnsent && control.stopping()) {
            unsent.addAll(batch); // counted as failed by the sender; the spool may still deliver them later
        }
        if (broken > 0) {
            lastOutcome = BatchOutcome.FAILED; // for flush(): not every event taken was delivered
        }
        return events + broken;
    }

    /** Appends an event that fits; false if its fields threw (counted as failed, logged once). */
    private boolean append(CollectEvent event) {
        try {
            writer.tryAppend(event, maxBatchBytes);
            batch.add(event);
            return true;
        } catch (RuntimeException e) {
            reportBrokenEvent(e);
            return false;
        }
    }

    /**
     * An event whose {@link EventFields} threw while being written is left out and counted as failed,
     * so that one faulty event never stops the worker; the first is logged with its stack trace.
     */
    private void reportBrokenEvent(RuntimeException e) {
        metrics.onFailed(1);
        boolean first = !loggedBrokenEvent;
        loggedBrokenEvent = true;
        LOG.log(first ? Level.WARNING : Level.DEBUG, "An event could not be written and is not sent to Lytics"
                + (first ? " (further ones are logged at debug level)" : ""), e);
    }

    /** Counts whatever is still queued as failed (and keeps it for the spool): the worker is stopping and will not send it. */
    private void discardRemaining() {
        long discarded = 0;
        if (carry != null) {
            keep(carry);
            carry = null;
            discarded++;
        }
        for (CollectEvent e; (e = queue.poll()) != null; ) {
            keep(e);
            discarded++;
        }
        if (discarded > 0) {
            metrics.onFailed(discarded);
            long count = discarded;
            LOG.log(Level.WARNING, () -> "Stopped with " + count + " events not sent to Lytics");
        }
    }

    private void keep(CollectEvent event) {
        if (keepUnsent) {
            unsent.add(event);
        }
    }

    private void completeFlushes(boolean ok) {
        for (CompletableFuture<Boolean> request; (request = flushRequests.poll()) != null; ) {
            request.complete(ok);
        }
    }

    /** One warning a minute at most, from this thread, never from request threads. */
    private void reportDrops() {
        long dropped = metrics.dropped();
        if (dropped == droppedLogged) {
            return;
        }
        long now = System.nanoTime();
        if (loggedDrops && now - lastDropLogNanos < DROP_LOG_INTERVAL_NANOS) {
            return;
        }
        loggedDrops = true;
        long newly = dropped - droppedLogged;
        droppedLogged = dropped;
        lastDropLogNanos = now;
        String what = newly == 1 ? " event" : " events";
        LOG.log(Level.WARNING, () -> "Dropped " + newly + what + " because the queue was full (" + queue.size()
                + " events, " + queue.bytes() + " bytes queued); " + dropped + " dropped in total");
    }
}
