package io.lytx.bench.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The arithmetic of bytes per cached visitor and of a full cache's megabytes. */
class HeapGaugeTest {

    @Test
    void bytesPerEntryIsTheGrowthDividedByTheEntries() {
        // input: 50,000,000 B empty, 210,000,000 B with 100,000 entries; must hold: 1,600 B per entry
        assertThat(HeapGauge.bytesPerEntry(50_000_000L, 210_000_000L, 100_000)).isEqualTo(1_600.0);
        // input: the heap shrank by 1,000 B over 10 entries; must hold: -100 B (reported as measured, not hidden)
        assertThat(HeapGauge.bytesPerEntry(10_000, 9_000, 10)).isEqualTo(-100.0);
    }

    @Test
    void noEntriesIsRefused() {
        // input: 0 entries; must hold: IllegalArgumentException naming the count
        assertThatThrownBy(() -> HeapGauge.bytesPerEntry(1, 2, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0");
    }

    @Test
    void megabytesOfAFullCache() {
        // input: 1,600 B per entry, 10,000 entries; must hold: 16.0 MB (10^6 bytes)
        assertThat(HeapGauge.megabytes(1_600, 10_000)).isCloseTo(16.0, within(1e-9));
    }

    @Test
    void aReadingAfterFullCollectionsSeesARetainedArray() throws Exception {
        // input: a 64 MB array held across the second reading; must hold: the used heap grew by at least 60 MB
        HeapGauge.Reading before = HeapGauge.usedAfterFullGc();
        byte[] held = new byte[64 << 20];
        HeapGauge.Reading after = HeapGauge.usedAfterFullGc();
        assertThat(after.usedBytes() - before.usedBytes()).isGreaterThanOrEqualTo(60L << 20);
        java.lang.ref.Reference.reachabilityFence(held);
    }
}
