package io.lytx.sandbox.admin;

import io.lytx.sandbox.http.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The faults currently injected, one per route key. Also the release point of hanging
 * requests: every change (and {@link #releaseAll}) wakes them. Thread-safe.
 */
public final class FaultTable {

    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private final Object hangMonitor = new Object();
    private long generation;

    /**
     * Adds or replaces the fault of its route.
     *
     * @param fault the fault; not null
     */
    public void put(Fault fault) {
        faults.put(fault.route(), fault);
        releaseAll();
    }

    /**
     * Removes the fault of a route.
     *
     * @param routeKey {@code METHOD template} or {@code * template}
     * @return false when there was none
     */
    public boolean remove(String routeKey) {
        boolean removed = faults.remove(routeKey) != null;
        releaseAll();
        return removed;
    }

    /** Removes every fault and releases hanging requests. */
    public void clear() {
        faults.clear();
        releaseAll();
    }

    /**
     * The faults, sorted by route.
     *
     * @return a snapshot
     */
    public List<Fault> list() {
        List<Fault> out = new ArrayList<>(faults.values());
        out.sort(java.util.Comparator.comparing(Fault::route));
        return out;
    }

    /**
     * The fault that applies to a route: the exact {@code METHOD template} entry, else the
     * {@code * template} one.
     *
     * @param route the routed request's route
     * @return the fault, or empty
     */
    public Optional<Fault> forRoute(Route route) {
        Fault f = faults.get(route.key());
        if (f == null) {
            f = faults.get("* " + route.template());
        }
        return Optional.ofNullable(f);
    }

    /** Wakes every hanging request. */
    public void releaseAll() {
        synchronized (hangMonitor) {
            generation++;
            hangMonitor.notifyAll();
        }
    }

    /**
     * Blocks the calling thread until the faults change, {@link #releaseAll} is called, the thread
     * is interrupted, or {@code maxMillis} pass.
     *
     * @param maxMillis the longest wait
     * @return true when released, false when the time ran out
     */
    public boolean hang(long maxMillis) {
        long deadline = System.nanoTime() + maxMillis * 1_000_000L;
        synchronized (hangMonitor) {
            long start = generation;
            while (generation == start) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    hangMonitor.wait(Math.max(1, left / 1_000_000L));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return true;
                }
            }
            return true;
        }
    }
}
