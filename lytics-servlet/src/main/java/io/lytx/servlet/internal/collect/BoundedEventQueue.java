package io.lytx.servlet.internal.collect;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A lock-free multi-producer queue of events bounded both in count and in estimated bytes, with a
 * smaller bound of the same kind for {@linkplain CollectEvent#relayed() relayed} (browser) events, so
 * that they can fill only their share and never crowd out the server's page views.
 *
 * <p>Both bounds of a room live in one {@code long} (count in the high 24 bits, bytes in the low 39
 * bits), so a single compare-and-set reserves room for an event against both at once, exactly,
 * without a lock. A relayed event reserves its share first, then the queue (and gives its share back
 * when the queue is full). Producers never block; a producer that finds no room gets
 * {@link #DROPPED}. The single consumer (the collector's worker) polls and releases the room.
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
    /** Every queued event; the reservation precedes the insertion, so poll may briefly see fewer events than counted. */
    private final Room all;
    /** The relayed events among them. */
    private final Room relayed;
    private final int wakeEvents;
    private final long wakeBytes;

    /**
     * @param maxEvents  bound in events (at most 2^24 - 1)
     * @param maxBytes   bound in bytes (at most 2^38)
     * @param wakeEvents queue length at which a producer wakes the consumer (a full batch)
     * @param wakeBytes  queue bytes at which a producer wakes the consumer (a full batch)
     */
    BoundedEventQueue(int maxEvents, long maxBytes, int wakeEvents, long wakeBytes) {
        this(maxEvents, maxBytes, wakeEvents, wakeBytes, 100);
    }

    /**
     * @param relayedPercent share of both bounds that relayed events may fill (1..100; at least one event)
     */
    BoundedEventQueue(int maxEvents, long maxBytes, int wakeEvents, long wakeBytes, int relayedPercent) {
        this.all = new Room(maxEvents, maxBytes);
        this.relayed = new Room(Math.max(1, (int) ((long) maxEvents * relayedPercent / 100)),
                Math.max(1, maxBytes * relayedPercent / 100));
        this.wakeEvents = wakeEvents;
        this.wakeBytes = wakeBytes;
    }

    /**
     * Queues the event if the bounds leave room. Never blocks; lock-free.
     *
     * @return {@link #DROPPED}, {@link #QUEUED} or {@link #QUEUED_WAKE}
     */
    int offer(CollectEvent event) {
        long eventBytes = event.estimatedBytes();
        if (event.relayed() && relayed.reserve(eventBytes) < 0) {
            return DROPPED;
        }
        long before = all.reserve(eventBytes);
        if (before < 0) {
            if (event.relayed()) {
                relayed.release(eventBytes);
            }
            return DROPPED;
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
            all.release(event.estimatedBytes());
            if (event.relayed()) {
                relayed.release(event.estimatedBytes());
            }
        }
        return event;
    }

    /** @return events queued (reserved) now */
    int size() {
        return (int) (all.state.get() >>> BYTE_BITS);
    }

    /** @return estimated bytes queued now */
    long bytes() {
        return all.state.get() & BYTE_MASK;
    }

    /** @return relayed events queued (reserved) now */
    int relayedSize() {
        return (int) (relayed.state.get() >>> BYTE_BITS);
    }

    /** @return true if a full batch (by count or bytes) is waiting */
    boolean batchReady() {
        long s = all.state.get();
        return (s >>> BYTE_BITS) >= wakeEvents || (s & BYTE_MASK) >= wakeBytes;
    }

    /** Room bounded in events and bytes, reserved and released with compare-and-set on one {@code long}. */
    private static final class Room {
        /** count << 39 | bytes. */
        final AtomicLong state = new AtomicLong();
        private final int maxEvents;
        private final long maxBytes;

        Room(int maxEvents, long maxBytes) {
            this.maxEvents = maxEvents;
            this.maxBytes = maxBytes;
        }

        /** @return the state before the reservation, or -1 when there is no room */
        long reserve(long eventBytes) {
            while (true) {
                long before = state.get();
                if ((before >>> BYTE_BITS) >= maxEvents || (before & BYTE_MASK) + eventBytes > maxBytes) {
                    return -1;
                }
                if (state.compareAndSet(before, before + ONE_EVENT + eventBytes)) {
                    return before;
                }
            }
        }

        void release(long eventBytes) {
            state.addAndGet(-(ONE_EVENT + eventBytes));
        }
    }
}
