package io.lytx.bench.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankOfUnsortedSamples() {
        long[] samples = new long[100];
        for (int i = 0; i < 100; i++) {
            samples[i] = 100 - i; // 100..1, unsorted on purpose
        }
        Percentiles p = new Percentiles(samples);

        assertThat(p.at(50)).isEqualTo(50);
        assertThat(p.at(99)).isEqualTo(99);
        assertThat(p.at(100)).isEqualTo(100);
        assertThat(p.at(0.5)).isEqualTo(1);
        assertThat(samples[0]).as("the caller's array is not sorted in place").isEqualTo(100);
    }

    @Test
    void refusesAnEmptySampleSet() {
        // input: no samples at all; a percentile of nothing must be refused, not invented
        assertThatThrownBy(() -> new Percentiles(new long[0])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no samples");
    }
}
