package io.lytx.servlet.internal.collect;

import io.lytx.servlet.internal.metrics.UpstreamCalls;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Live counters of one {@link EventCollector}. Every method reads the current value; the counters
 * only grow. Thread-safe; reads never block and never allocate except {@link #lastError()}.
 *
 * <p>Every event offered ends up in exactly one bucket: {@code offered = enqueued + dropped}, and
 * every enqueued event is eventually {@code sent}, {@code rejected}, {@code failed} or still
 * {@linkplain #queueDepth() queued} / in flight.
 */
public final class CollectorMetrics {

    /**
     * The latest failure seen by the worker.
     *
     * @param at      when it happened
     * @param message what happened, with Lytics' message when there was one (never the token)
     */
    public record LastError(Instant at, String message) {
    }

    private final BoundedEventQueue queue;
    private final LongAdder enqueued = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong spooled = new AtomicLong();
    private final AtomicLong replayed = new AtomicLong();
    private final UpstreamCalls upstream = new UpstreamCalls();
    private volatile LastError lastError;

    CollectorMetrics(BoundedEventQueue queue) {
        this.queue = queue;
    }

    /** @return events accepted into the queue */
    public long enqueued() {
        return enqueued.sum();
    }

    /** @return events refused by {@link EventCollector#offer}: queue full (in events or in bytes), or
     *          collector shut down */
    public long dropped() {
        return dropped.sum();
    }

    /** @return events Lytics accepted */
    public long sent() {
        return sent.get();
    }

    /** @return events Lytics refused: a whole batch answered with a non-retryable 4xx, or counted in
     *          {@code rejected_count} of a successful answer */
    public long rejected() {
        return rejected.get();
    }

    /** @return events given up: retry time ran out, a final error that is not a refusal (such as
     *          HTTP 501), or left unsent at shutdown */
    public long failed() {
        return failed.get();
    }

    /** @return retry attempts (a batch sent three times counts two) */
    public long retried() {
        return retried.get();
    }

    /** @return POSTs Lytics answered with success */
    public long batches() {
        return batches.get();
    }

    /** @return events waiting in the queue now (not counting the batch in flight) */
    public int queueDepth() {
        return queue.size();
    }

    /** @return estimated bytes waiting in the queue now */
    public long queueBytes() {
        return queue.bytes();
    }

    /** @return how the POSTs to Lytics ended (one per attempt, retries included), live */
    public UpstreamCalls upstreamCalls() {
        return upstream;
    }

    /** @return the latest failure, if any */
    public Optional<LastError> lastError() {
        return Optional.ofNullable(lastError);
    }

    /** @return events written to the spool at shutdown (they are also counted in {@link #failed()}: this run did not send them) */
    public long spooled() {
        return spooled.get();
    }

    /** @return events read from the spool at start and queued again (also counted in {@link #enqueued()}) */
    public long replayed() {
        return replayed.get();
    }

    void onSpooled(long events) {
        spooled.addAndGet(events);
    }

    void onReplayed(long events) {
        replayed.addAndGet(events);
    }

    void onEnqueued() {
        enqueued.increment();
    }

    void onDropped() {
        dropped.increment();
    }

    void onSent(long events) {
        sent.addAndGet(events);
    }

    void onBatch() {
        batches.incrementAndGet();
    }

    void onRejected(long events) {
        rejected.addAndGet(events);
    }

    void onFailed(long events) {
        failed.addAndGet(events);
    }

    void onRetry() {
        retried.incrementAndGet();
    }

    void onError(String message) {
        lastError = new LastError(Instant.now(), message);
    }

    @Override
    public String toString() {
        return "CollectorMetrics[enqueued=" + enqueued() + ", dropped=" + dropped() + ", sent=" + sent()
                + ", rejected=" + rejected() + ", failed=" + failed() + ", retried=" + retried()
                + ", batches=" + batches() + ", spooled=" + spooled() + ", replayed=" + replayed() + ", queueDepth=" + queueDepth() + ", queueBytes=" + queueBytes() + "]";
    }
}
