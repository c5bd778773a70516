package io.lytx.bench.support;

import java.util.Arrays;
import java.util.Locale;

/** Nearest-rank percentiles of a set of latencies in nanoseconds, printed in milliseconds. */
public final class Percentiles {

    private final long[] sorted;

    /**
     * @param nanos the samples (copied), at least one
     * @throws IllegalArgumentException if there is none
     */
    public Percentiles(long[] nanos) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        sorted = nanos.clone();
        Arrays.sort(sorted);
    }

    /**
     * @param p a percentile in (0, 100]
     * @return the nearest-rank value, in nanoseconds
     */
    public long at(double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** @return {@code n=.. p50=.. p90=.. p99=.. max=.. ms} */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "n=%d p50=%.3f p90=%.3f p99=%.3f max=%.3f ms", sorted.length,
                at(50) / 1e6, at(90) / 1e6, at(99) / 1e6, sorted[sorted.length - 1] / 1e6);
    }
}
