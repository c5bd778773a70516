package io.lytx.bench.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The forwarding race's delivery samples: rates from the sink's cumulative counts, the sampling grid, the printed line. */
class DeliverySeriesTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;

    @Test
    void ratesAreTheDeliveredDifferencesOverEachInterval() {
        // input: 1,000 delivered at 0.5 s, 3,000 at 1.5 s, still 3,000 at 2 s; must hold: the first interval starts
        // at 0 with none delivered, so the rates are 2,000, 2,000 and 0 events/s over 0.5, 1 and 0.5 s
        DeliverySeries s = new DeliverySeries();
        assertThat(s.add(500 * MS, 1_000)).isTrue();
        assertThat(s.add(1_500 * MS, 3_000)).isTrue();
        assertThat(s.add(2 * S, 3_000)).isTrue();

        assertThat(s.size()).isEqualTo(3);
        assertThat(s.seconds(1)).isEqualTo(1.5);
        assertThat(s.delivered(1)).isEqualTo(3_000);
        assertThat(s.intervalSeconds(0)).isCloseTo(0.5, within(1e-12));
        assertThat(s.intervalSeconds(1)).isCloseTo(1.0, within(1e-12));
        assertThat(s.ratePerSecond(0)).isCloseTo(2_000, within(1e-9));
        assertThat(s.ratePerSecond(1)).isCloseTo(2_000, within(1e-9));
        assertThat(s.ratePerSecond(2)).isCloseTo(0, within(1e-9));
    }

    @Test
    void aSampleNotLaterThanTheLastIsRefusedAndABadOneThrows() {
        // input: a sample at 1 s, then one at 1 s and one at 0.5 s; must hold: both refused (false), one sample kept;
        // a sample at time 0 or with a negative count throws
        DeliverySeries s = new DeliverySeries();
        s.add(S, 10);
        assertThat(s.add(S, 20)).isFalse();
        assertThat(s.add(S / 2, 20)).isFalse();
        assertThat(s.size()).isEqualTo(1);
        assertThatThrownBy(() -> s.add(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.add(3 * S, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLastSampleReplacesTheOneBeforeWhenLessThanHalfAnIntervalLater() {
        // input: samples every 1 s at 1 s (400) and 2 s (900), the phase ends at 2.1 s with 1,000 delivered;
        // must hold: the 2 s sample is replaced, the last interval runs from 1 s to 2.1 s at 600 / 1.1 events/s
        DeliverySeries s = new DeliverySeries();
        s.add(S, 400);
        s.add(2 * S, 900);
        assertThat(s.finish(2_100 * MS, 1_000, S)).isTrue();
        assertThat(s.size()).isEqualTo(2);
        assertThat(s.seconds(1)).isEqualTo(2.1);
        assertThat(s.intervalSeconds(1)).isCloseTo(1.1, within(1e-12));
        assertThat(s.ratePerSecond(1)).isCloseTo(600 / 1.1, within(1e-9));

        // input: the same samples, the end at 2.6 s (more than half an interval later); must hold: appended
        DeliverySeries t = new DeliverySeries();
        t.add(S, 400);
        t.add(2 * S, 900);
        assertThat(t.finish(2_600 * MS, 1_000, S)).isTrue();
        assertThat(t.size()).isEqualTo(3);
        assertThat(t.ratePerSecond(2)).isCloseTo(100 / 0.6, within(1e-9));
    }

    @Test
    void theNextSampleIsTheNextGridPointAfterNow() {
        // input: a grid every 100 ns from 100; must hold: a sample taken on time is followed by the next point; a
        // late one (taken at 350 or 399) by the first point after it (400), not by the missed ones; at 400, 500
        assertThat(DeliverySeries.nextSampleTime(100, 100, 100)).isEqualTo(200);
        assertThat(DeliverySeries.nextSampleTime(100, 350, 100)).isEqualTo(400);
        assertThat(DeliverySeries.nextSampleTime(100, 399, 100)).isEqualTo(400);
        assertThat(DeliverySeries.nextSampleTime(100, 400, 100)).isEqualTo(500);
    }

    @Test
    void thePrintedLineReadsBack() {
        // input: 25,500 delivered at 0.1 s printed with the race's labels of both modes; must hold: parse gives back
        // library, mode, schedule (0 for max), time, count, rate and interval; other lines of the output (a warm-up
        // phase's, the header) are not samples
        DeliverySeries s = new DeliverySeries();
        s.add(100 * MS, 25_500);
        String max = s.line("lytics measured max", 0);
        assertThat(max).isEqualTo("lytics measured max: at 0.100 s 25500 delivered, 255000 events/s over the last 0.100 s");
        DeliverySeries.Sample m = DeliverySeries.parse(max).orElseThrow();
        assertThat(m).isEqualTo(new DeliverySeries.Sample("lytics", "max", 0, 0.1, 25_500, 255_000, 0.1));

        DeliverySeries.Sample r = DeliverySeries.parse(s.line("segment measured rate 5000/s", 0)).orElseThrow();
        assertThat(r.library()).isEqualTo("segment");
        assertThat(r.mode()).isEqualTo("rate");
        assertThat(r.plannedRate()).isEqualTo(5_000);

        assertThat(DeliverySeries.parse(s.line("lytics warm-up max", 0))).isEmpty();
        assertThat(DeliverySeries.parse("lytics measured max: 50000 of 50000 delivered in 0.598 s = 83580 events/s")).isEmpty();
    }
}
