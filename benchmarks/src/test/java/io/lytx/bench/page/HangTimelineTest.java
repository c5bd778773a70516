package io.lytx.bench.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How the hung-upstream run places its requests around the moment the hang began. */
class HangTimelineTest {

    private static final long S = 1_000_000_000L;
    private static final long MS = 1_000_000L;
    private static final long HANG = 100 * S;

    @Test
    void aPageInFlightWhenTheHangBeginsCountsForTheFirstSecondsNotForBefore() {
        // input: one page answered before the hang (1 ms), one sent 1 ms before the hang that took 150 ms, one
        // sent 3 s into the hang (150 ms), one sent 12 s in (1 ms); must hold: before holds only the first; the
        // first 10 s hold the in-flight page and the 3 s page; after 10 s holds the last
        HangTimeline t = new HangTimeline(new long[] {HANG - 5 * S, HANG - MS, HANG + 3 * S, HANG + 12 * S},
                new long[] {MS, 150 * MS, 150 * MS, MS}, HANG);

        assertThat(t.before().requests()).isEqualTo(1);
        assertThat(t.before().maxMs()).isEqualTo(1.0);
        HangTimeline.Window first = t.first(10);
        assertThat(first.requests()).isEqualTo(2);
        assertThat(first.maxMs()).isEqualTo(150.0);
        assertThat(first.meanMs()).isCloseTo(150.0, within(1e-9));
        HangTimeline.Window after = t.after(10);
        assertThat(after.requests()).isEqualTo(1);
        assertThat(after.p99Ms()).isEqualTo(1.0);
    }

    @Test
    void perSecondWindowsStartAtTheHangAndKeepEmptySeconds() {
        // input: pages sent at 0.5 s (10 ms) and 0.7 s (30 ms) and 2.2 s (5 ms) into the hang; must hold: three
        // windows (seconds 0, 1, 2), second 1 empty, second 0 with mean 20 ms and max 30 ms (nearest rank p50 10 ms)
        HangTimeline t = new HangTimeline(new long[] {HANG + S / 2, HANG + 7 * S / 10, HANG + 22 * S / 10},
                new long[] {10 * MS, 30 * MS, 5 * MS}, HANG);

        List<HangTimeline.Window> seconds = t.perSecond();
        assertThat(seconds).hasSize(3);
        assertThat(seconds.get(0).requests()).isEqualTo(2);
        assertThat(seconds.get(0).meanMs()).isCloseTo(20.0, within(1e-9));
        assertThat(seconds.get(0).p50Ms()).isEqualTo(10.0);
        assertThat(seconds.get(0).maxMs()).isEqualTo(30.0);
        assertThat(seconds.get(1).requests()).isZero();
        assertThat(seconds.get(2).requests()).isEqualTo(1);
        assertThat(t.secondsSinceHang()[2]).isCloseTo(2.2, within(1e-9));
        assertThat(t.latencyMs()[1]).isEqualTo(30.0);
    }
}
