package io.lytx.bench.sink;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The sink's log of batch POSTs adds up what it is given and summarizes the times in milliseconds. */
class PostLogTest {

    @Test
    void summarizesCountsBytesPerEventAndTimes() {
        // input: 4 POSTs of 500 events and 100,000 bytes each; body times 1, 2, 3 and 10 ms
        PostLog log = new PostLog("lytics");
        long[] bodyMillis = {1, 2, 3, 10};
        for (long ms : bodyMillis) {
            log.record(500, 100_000, ms * 1_000_000);
        }

        // must hold: totals, 200 bytes per event, mean 4 ms, nearest-rank median 2 ms, p99 and max 10 ms
        assertThat(log.requests()).isEqualTo(4);
        assertThat(log.events()).isEqualTo(2_000);
        assertThat(log.bytes()).isEqualTo(400_000);
        assertThat(log.summary()).isEqualTo("lytics requests=4 events=2000 events/request=500.0 bytes/event=200.0"
                + " body ms: mean=4.000 p50=2.000 p99=10.000 max=10.000");
    }

    @Test
    void resetForgetsEverything() {
        // input: one POST, then a reset; must hold: nothing is left
        PostLog log = new PostLog("segment");
        log.record(250, 1_000, 5);

        log.reset();

        assertThat(log.requests()).isZero();
        assertThat(log.summary()).isEqualTo("segment requests=0");
    }
}
