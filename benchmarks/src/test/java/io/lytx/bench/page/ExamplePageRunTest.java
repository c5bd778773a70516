package io.lytx.bench.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The figures the page benchmark reports from its on/off pairs. */
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

    private static ExamplePageRun.Side side(double rps, double p99, double cpu, double... curve) {
        return new ExamplePageRun.Side(new Wrk.Result(rps, 1, 2, p99, 1000, 0, curve), cpu);
    }

    @Test
    void addedCpuIsTheMedianOfEachPairsDifferenceNotTheDifferenceOfMedians() {
        // input: three pairs [on, off] of CPU per page 120/108, 150/100 (a drifting pair), 109/100; must hold:
        // differences 12, 50, 9 in pair order and their median 12 (the difference of the medians would be 20)
        List<ExamplePageRun.Side[]> pairs = List.of(
                new ExamplePageRun.Side[] {side(900, 10, 120), side(1000, 10, 108)},
                new ExamplePageRun.Side[] {side(800, 12, 150), side(1000, 10, 100)},
                new ExamplePageRun.Side[] {side(950, 11, 109), side(1000, 10, 100)});

        List<Double> added = ExamplePageRun.differences(pairs, ExamplePageRun.Side::cpuMicrosPerPage);

        assertThat(added).containsExactly(12.0, 50.0, 9.0);
        assertThat(ExamplePageRun.quantile(added, 0.5)).isEqualTo(12.0);
        assertThat(ExamplePageRun.ratios(pairs, s -> s.wrk().p99Ms())).containsExactly(1.0, 1.2, 1.1);
        assertThat(ExamplePageRun.ratios(pairs, s -> s.wrk().requestsPerSecond())).containsExactly(0.9, 0.8, 0.95);
    }

    @Test
    void latencyCurveIsTheMedianOverPairsAtEachPercentileSkippingRunsWithoutOne() {
        // input: the on side's curves (two points each) 1/5, 3/9, 2/7 ms and one run without a curve; must hold:
        // the median at each point, 2 and 7 ms; the off side, with no curve at all, gives an empty curve
        List<ExamplePageRun.Side[]> pairs = List.of(
                new ExamplePageRun.Side[] {side(1, 1, 1, 1, 5), side(1, 1, 1)},
                new ExamplePageRun.Side[] {side(1, 1, 1, 3, 9), side(1, 1, 1)},
                new ExamplePageRun.Side[] {side(1, 1, 1, 2, 7), side(1, 1, 1)},
                new ExamplePageRun.Side[] {side(1, 1, 1), side(1, 1, 1)});

        assertThat(ExamplePageRun.medianCurve(pairs, 0)).containsExactly(2.0, 7.0);
        assertThat(ExamplePageRun.medianCurve(pairs, 1)).isEmpty();
    }
}
