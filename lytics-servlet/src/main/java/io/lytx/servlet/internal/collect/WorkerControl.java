package io.lytx.servlet.internal.collect;

import java.util.concurrent.locks.LockSupport;

/**
 * The signals between an {@link EventCollector} and its worker thread: the shutdown deadline, the
 * order to abandon work, and a wait that wakes on either. Waits use {@link LockSupport} parking, so
 * producers can wake the worker with {@link LockSupport#unpark(Thread)} and nothing busy-waits.
 * Thread-safe.
 */
final class WorkerControl {

    private volatile boolean stopping;
    private volatile long stopAtNanos;
    private volatile boolean abandoned;

    /** Asks the worker to flush everything and stop, giving up what is not sent by {@code deadlineNanos}. */
    void stopBy(long deadlineNanos) {
        stopAtNanos = deadlineNanos;
        stopping = true;
    }

    /** Asks the worker to stop now, without waiting for anything more. */
    void abandon() {
        abandoned = true;
    }

    boolean stopping() {
        return stopping;
    }

    boolean abandoned() {
        return abandoned;
    }

    /** @return true if the worker is stopping and its deadline has passed, or it was told to abandon */
    boolean outOfTime() {
        return abandoned || (stopping && System.nanoTime() - stopAtNanos >= 0);
    }

    /**
     * @param nanos a wait the worker is about to start
     * @return true if the wait would end after the shutdown deadline (always false when not stopping)
     */
    boolean wouldOverrun(long nanos) {
        return abandoned || (stopping && System.nanoTime() + nanos - stopAtNanos > 0);
    }

    /**
     * Waits {@code nanos}, unless the worker is told to abandon (and unparked) first. Spurious
     * wake-ups (a producer's unpark, an interrupt, which is cleared) do not shorten the wait.
     *
     * @return true if the full time passed, false if the worker must abandon
     */
    boolean pause(long nanos) {
        long end = System.nanoTime() + nanos;
        while (!abandoned) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return true;
            }
            LockSupport.parkNanos(this, left);
            Thread.interrupted();
        }
        return false;
    }
}
