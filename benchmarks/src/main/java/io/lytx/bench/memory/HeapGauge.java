package io.lytx.bench.memory;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Used heap after full collections, and the arithmetic of bytes per cached entry.
 *
 * <p>{@link #usedAfterFullGc()} asks for a full collection ({@code System.gc()}, which G1 and the other
 * HotSpot collectors run as a full, stop-the-world collection unless {@code -XX:+DisableExplicitGC} or
 * {@code -XX:+ExplicitGCInvokesConcurrent} is set), waits 200 ms so that reference processing and
 * finalization settle, reads {@link MemoryMXBean#getHeapMemoryUsage()}, and repeats until two readings
 * in a row differ by less than 64 KB (at most 10 rounds). Blocks for about a second or two; call it from
 * one thread at a time.
 */
public final class HeapGauge {

    private static final long SETTLED_BYTES = 64 * 1024;
    private static final int MAX_ROUNDS = 10;

    private HeapGauge() {
    }

    /**
     * A reading of used heap after full collections.
     *
     * @param usedBytes used heap of the last reading
     * @param rounds    collections asked for
     * @param settled   whether two readings in a row agreed within 64 KB
     */
    public record Reading(long usedBytes, int rounds, boolean settled) {
    }

    /**
     * Collects until the used heap settles.
     *
     * @return the reading
     * @throws InterruptedException if interrupted while waiting between collections
     */
    public static Reading usedAfterFullGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long previous = Long.MAX_VALUE;
        for (int round = 1; round <= MAX_ROUNDS; round++) {
            System.gc();
            Thread.sleep(200);
            long used = memory.getHeapMemoryUsage().getUsed();
            if (Math.abs(previous - used) < SETTLED_BYTES) {
                return new Reading(used, round, true);
            }
            previous = used;
        }
        return new Reading(previous, MAX_ROUNDS, false);
    }

    /**
     * Bytes per entry: the heap's growth divided by the entries that caused it.
     *
     * @param emptyBytes  used heap with no entry
     * @param loadedBytes used heap with {@code entries} entries
     * @param entries     how many, at least 1
     * @return {@code (loadedBytes - emptyBytes) / entries}
     * @throws IllegalArgumentException if {@code entries} is less than 1
     */
    public static double bytesPerEntry(long emptyBytes, long loadedBytes, long entries) {
        if (entries < 1) {
            throw new IllegalArgumentException("entries must be at least 1, was " + entries);
        }
        return (double) (loadedBytes - emptyBytes) / entries;
    }

    /**
     * What {@code entries} entries of {@code bytesPerEntry} cost, in MB (10^6 bytes).
     *
     * @param bytesPerEntry bytes per entry
     * @param entries       how many
     * @return megabytes
     */
    public static double megabytes(double bytesPerEntry, long entries) {
        return bytesPerEntry * entries / 1e6;
    }
}
