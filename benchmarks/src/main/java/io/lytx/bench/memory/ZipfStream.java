package io.lytx.bench.memory;

import org.apache.commons.math3.distribution.ZipfDistribution;
import org.apache.commons.math3.random.Well19937c;

/**
 * A seeded stream of visitor ranks drawn from a Zipf distribution: rank {@code k} (1 = the most frequent
 * visitor) comes with probability proportional to {@code 1 / k^s}. Sampling is Apache Commons Math's
 * {@link ZipfDistribution} (rejection-inversion, constant time per draw) over a {@link Well19937c}
 * generator, so the same seed gives the same stream. Stateless; thread-safe.
 */
public final class ZipfStream {

    private ZipfStream() {
    }

    /**
     * Draws ranks.
     *
     * @param visitors the number of distinct visitors, at least 1
     * @param exponent the exponent {@code s}, more than 0
     * @param count    how many draws, 0 or more
     * @param seed     the generator's seed
     * @return {@code count} ranks, each in {@code [1, visitors]}
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static int[] ranks(int visitors, double exponent, int count, long seed) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be 0 or more, was " + count);
        }
        ZipfDistribution zipf = new ZipfDistribution(new Well19937c(seed), visitors, exponent);
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = zipf.sample();
        }
        return out;
    }

    /**
     * The probability of rank {@code k}: {@code (1 / k^s) / H(n, s)}, where {@code H} is the generalized
     * harmonic number.
     *
     * @param visitors {@code n}, at least 1
     * @param exponent {@code s}
     * @param rank     {@code k}, in {@code [1, n]}
     * @return the probability
     */
    public static double probability(int visitors, double exponent, int rank) {
        double harmonic = 0;
        for (int k = visitors; k >= 1; k--) { // smallest terms first, for accuracy
            harmonic += Math.pow(k, -exponent);
        }
        return Math.pow(rank, -exponent) / harmonic;
    }
}
