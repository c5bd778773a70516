package io.lytx.client.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A factory of named daemon threads that remembers the threads it made, so that their owner can wait
 * until each has really ended.
 *
 * <p>{@code ExecutorService.awaitTermination} returns once the pool has stopped taking work, which can
 * be a moment before its last worker thread has finished exiting; a servlet container that checks for
 * leftover threads right after undeploy (Tomcat does) can still see it alive. {@link #join(Duration)}
 * waits for the threads themselves.
 *
 * <p>Thread-safe. Holds at most the threads that are alive plus those made since the last prune (dead
 * threads are dropped whenever a new one is made).
 */
public final class OwnedThreads implements ThreadFactory {

    private final String prefix;
    private final AtomicInteger count = new AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();

    /**
     * @param prefix the name of each thread, followed by its number from 1
     */
    public OwnedThreads(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread t = new Thread(task, prefix + count.incrementAndGet());
        t.setDaemon(true);
        synchronized (threads) {
            threads.removeIf(old -> !old.isAlive());
            threads.add(t);
        }
        return t;
    }

    /**
     * Waits until every thread made here has ended, at most {@code max} in all. Call it after the
     * owning executor has been shut down (otherwise its threads may never end). Blocks the caller; an
     * interrupt ends the wait early and keeps the thread's interrupt status.
     *
     * @param max the longest wait in all
     * @return whether every thread has ended
     */
    public boolean join(Duration max) {
        List<Thread> snapshot;
        synchronized (threads) {
            snapshot = new ArrayList<>(threads);
        }
        long deadline = System.nanoTime() + max.toNanos();
        try {
            for (Thread t : snapshot) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedJoin(t, left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return snapshot.stream().noneMatch(Thread::isAlive);
    }
}
