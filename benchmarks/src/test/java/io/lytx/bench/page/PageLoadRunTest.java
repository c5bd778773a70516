package io.lytx.bench.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The dead-upstream run's flatness figure: the farthest live-heap sample from the median, in percent. */
class PageLoadRunTest {

    @Test
    void deviationIsTheFarthestSampleFromTheMedianInPercentOfIt() {
        // input: live heap samples 20, 21, 19, 20, 23 MB (median 20); must hold: 23 is farthest, 15 % of 20
        assertThat(PageLoadRun.maxDeviationPercent(List.of(20.0, 21.0, 19.0, 20.0, 23.0))).isCloseTo(15.0, within(1e-9));
        // input: all equal; must hold: 0
        assertThat(PageLoadRun.maxDeviationPercent(List.of(7.0, 7.0))).isZero();
    }
}
