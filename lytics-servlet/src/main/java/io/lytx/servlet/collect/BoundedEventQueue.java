package io.lytx.servlet.collect;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A lock-free multi-producer queue of events bounded both in count and in estimated bytes.
 *
 * <p>Both bounds live in one {@code long} (count in the high 24 bits, bytes in the low 39 bits), so a
 * single compare-and-set reserves room for an event against both bounds at once, exactly, without a
 * lock. Producers never block; a producer that finds no room gets {@link #DROPPED}. The single
 * consumer (the collector's worker) polls and releases the room.
 */
final class BoundedEventQueue {

    /** {@link #offer} result: no room (or closed); the event was not queued. */
    static final int DROPPED = 0;
    /** {@link #offer} result: queued. */
    static final int QUEUED = 1;
    /** {@link #offer} result: queued, and the consumer should be woken (the queue was empty or a batch is now full). */
    static final int QUEUED_WAKE = 2;

    private static final int BYTE_BITS = 39;
    private static final long BYTE_MASK = (1L << BYTE_BITS) - 1;
    private static final long ONE_EVENT = 1L << BYTE_BITS;

    private final ConcurrentLinkedQueue<CollectEvent> events = new ConcurrentLinkedQueue<>();
    /** count << 39 | bytes; the reservation precedes the insertion, so poll may briefly see fewer events than counted. */
    private final AtomicLong state = new AtomicLong();
    private final int maxEvents;
    private final long maxBytes;
    private final int wakeEvents;
    private final long wakeBytes;

    /**
     * @param maxEvents  bound in events (at most 2^24 - 1)
     * @param maxBytes   bound in bytes (at most 2^38)
     * @param wakeEvents queue length at which a producer wakes the consumer (a full batch)
     * @param wakeBytes  queue bytes at which a producer wakes the consumer (a full batch)
     */
    BoundedEventQueue(int maxEvents, long maxBytes, int wakeEvents, long wakeBytes) {
        this.maxEvents = maxEvents;
        this.maxBytes = maxBytes;
        this.wakeEvents = wakeEvents;
        this.wakeBytes = wakeBytes;
    }

    /**
     * Queues the event if both bounds leave room. Never blocks; lock-free.
     *
     * @return {@link #DROPPED}, {@link #QUEUED} or {@link #QUEUED_WAKE}
     */
    int offer(CollectEvent event) {
        long eventBytes = event.estimatedBytes();
        long delta = ONE_EVENT + eventBytes;
        long before;
        while (true) {
            before = state.get();
            if ((before >>> BYTE_BITS) >= maxEvents || (before & BYTE_MASK) + eventBytes > maxBytes) {
                return DROPPED;
            }
            if (state.compareAndSet(before, before + delta)) {
                break;
            }
        }
        events.offer(event);
        long countBefore = before >>> BYTE_BITS;
        long bytesBefore = before & BYTE_MASK;
        boolean wake = countBefore == 0
                || countBefore + 1 == wakeEvents
                || (bytesBefore < wakeBytes && bytesBefore + eventBytes >= wakeBytes);
        return wake ? QUEUED_WAKE : QUEUED;
    }

    /**
     * Takes the oldest event and releases its room. Called by one consumer thread at a time.
     *
     * @return the event, or null if none is visible yet
     */
    CollectEvent poll() {
        CollectEvent event = events.poll();
        if (event != null) {
            state.addAndGet(-(ONE_EVENT + event.estimatedBytes()));
        }
        return event;
    }

    /** @return events queued (reserved) now */
    int size() {
        return (int) (state.get() >>> BYTE_BITS);
    }

    /** @return estimated bytes queued now */
    long bytes() {
        return state.get() & BYTE_MASK;
    }

    /** @return true if a full batch (by count or bytes) is waiting */
    boolean batchReady() {
        long s = state.get();
        return (s >>> BYTE_BITS) >= wakeEvents || (s & BYTE_MASK) >= wakeBytes;
    }
}
