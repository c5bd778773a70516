package io.lytx.bench.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The Zipf sampler: seeded, in range, and with the frequencies of the distribution it names. */
class ZipfStreamTest {

    @Test
    void sameSeedGivesTheSameStreamAndAnotherSeedAnother() {
        // input: 1,000 visitors, s = 1.0, 10,000 draws, seeds 7, 7, 8; must hold: equal for 7 and 7, different for 8
        assertThat(ZipfStream.ranks(1_000, 1.0, 10_000, 7)).isEqualTo(ZipfStream.ranks(1_000, 1.0, 10_000, 7));
        assertThat(ZipfStream.ranks(1_000, 1.0, 10_000, 7)).isNotEqualTo(ZipfStream.ranks(1_000, 1.0, 10_000, 8));
    }

    @Test
    void ranksStayInRangeAndFollowTheDistribution() {
        // input: 10,000 visitors, s = 1.0, 400,000 draws; must hold: every rank in [1, 10000]; the share of ranks
        // 1, 2 and 10 within 10 % (relative) of 1/(k H(10000,1)) (about 10.2 %, 5.1 %, 1.0 %); the top 100 ranks'
        // share within 2 points of its exact value (about 53 %)
        int visitors = 10_000;
        int draws = 400_000;
        int[] ranks = ZipfStream.ranks(visitors, 1.0, draws, 42);
        int[] counts = new int[visitors + 1];
        for (int rank : ranks) {
            assertThat(rank).isBetween(1, visitors);
            counts[rank]++;
        }
        for (int k : new int[] {1, 2, 10}) {
            double expected = ZipfStream.probability(visitors, 1.0, k);
            assertThat((double) counts[k] / draws).isCloseTo(expected, within(expected * 0.10));
        }
        double top = 0;
        double expectedTop = 0;
        for (int k = 1; k <= 100; k++) {
            top += counts[k];
            expectedTop += ZipfStream.probability(visitors, 1.0, k);
        }
        assertThat(top / draws).isCloseTo(expectedTop, within(0.02));
        assertThat(expectedTop).isBetween(0.50, 0.56);
    }

    @Test
    void aSmallerExponentSpreadsTheStream() {
        // input: 100,000 visitors, 200,000 draws at s = 1.0 and s = 0.8; must hold: rank 1's share is lower at 0.8,
        // and more distinct visitors appear at 0.8
        int[] steep = ZipfStream.ranks(100_000, 1.0, 200_000, 1);
        int[] flat = ZipfStream.ranks(100_000, 0.8, 200_000, 1);
        assertThat(count(flat, 1)).isLessThan(count(steep, 1));
        assertThat(java.util.Arrays.stream(flat).distinct().count())
                .isGreaterThan(java.util.Arrays.stream(steep).distinct().count());
    }

    @Test
    void probabilitiesSumToOne() {
        // input: 1,000 visitors, s = 0.8; must hold: the probabilities of all ranks sum to 1
        double sum = 0;
        for (int k = 1; k <= 1_000; k++) {
            sum += ZipfStream.probability(1_000, 0.8, k);
        }
        assertThat(sum).isCloseTo(1.0, within(1e-9));
    }

    private static long count(int[] ranks, int rank) {
        return java.util.Arrays.stream(ranks).filter(r -> r == rank).count();
    }
}
