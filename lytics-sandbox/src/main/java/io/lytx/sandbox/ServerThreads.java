package io.lytx.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes the sandbox server's threads (daemon threads named {@code <name>(n)}) and keeps hold of
 * them, so that {@link #join(Duration)} can wait until each one has really ended. A pool that says
 * it has terminated may still have threads finishing their last instructions; a servlet container
 * that looks at them right after undeploy reports them as leaks. Thread-safe. Holds at most the
 * threads alive plus those ended since the last thread was made.
 */
final class ServerThreads implements ThreadFactory {

    private final String name;
    private final AtomicInteger count = new AtomicInteger();
    private final List<Thread> made = new ArrayList<>();

    ServerThreads(String name) {
        this.name = name;
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, name + "(" + count.incrementAndGet() + ")");
        thread.setDaemon(true);
        synchronized (made) {
            made.removeIf(t -> t.getState() == Thread.State.TERMINATED);
            made.add(thread);
        }
        return thread;
    }

    /**
     * Waits for every thread made here to end, at most {@code limit} in all.
     *
     * @param limit the longest wait
     * @return true when every thread has ended
     * @throws InterruptedException when interrupted while waiting
     */
    boolean join(Duration limit) throws InterruptedException {
        List<Thread> threads;
        synchronized (made) {
            threads = List.copyOf(made);
        }
        long deadline = System.nanoTime() + limit.toNanos();
        for (Thread thread : threads) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                TimeUnit.NANOSECONDS.timedJoin(thread, left);
            }
        }
        return threads.stream().noneMatch(Thread::isAlive);
    }
}
