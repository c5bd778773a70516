package io.lytx.bench.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The spread the page benchmark reports: quantiles of the pairs' ratios, in any input order. */
class ExamplePageRunTest {

    @Test
    void quantilesOfTheRatiosInterpolateBetweenSortedValues() {
        // input: eight ratios out of order; must: min, quartiles, median and max of the sorted list
        List<Double> ratios = List.of(0.91, 0.80, 1.02, 0.88, 0.85, 0.95, 0.90, 0.87);

        assertThat(ExamplePageRun.quantile(ratios, 0)).isEqualTo(0.80);
        assertThat(ExamplePageRun.quantile(ratios, 1)).isEqualTo(1.02);
        assertThat(ExamplePageRun.quantile(ratios, 0.5)).isCloseTo((0.88 + 0.90) / 2, within(1e-12));
        assertThat(ExamplePageRun.quantile(ratios, 0.25)).isCloseTo(0.85 + 0.75 * 0.02, within(1e-12));
        assertThat(ExamplePageRun.quantile(ratios, 0.75)).isCloseTo(0.91 + 0.25 * 0.04, within(1e-12));
        assertThat(ExamplePageRun.quantile(List.of(0.7), 0.25)).isEqualTo(0.7);
        assertThat(ExamplePageRun.quantile(List.of(), 0.5)).isZero();
    }
}
