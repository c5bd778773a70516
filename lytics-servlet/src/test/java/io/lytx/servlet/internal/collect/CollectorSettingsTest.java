package io.lytx.servlet.internal.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CollectorSettingsTest {

    @Test
    void defaultsMatchTheDocumentedValues() {
        CollectorSettings d = CollectorSettings.defaults();
        assertThat(d.stream()).isEqualTo("default");
        assertThat(d.maxQueueEvents()).isEqualTo(10_000);
        assertThat(d.maxQueueBytes()).isEqualTo(16L * 1024 * 1024);
        assertThat(d.maxBatchEvents()).isEqualTo(500);
        assertThat(d.maxBatchBytes()).isEqualTo(1024L * 1024);
        assertThat(d.linger()).isEqualTo(Duration.ofSeconds(1));
        assertThat(d.maxRetryTime()).isEqualTo(Duration.ofSeconds(60));
        assertThat(d.maxRetryAfter()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theBuilderChangesOnlyTheValuesSet() {
        // input: a stream and queue limits set on a builder; must hold: those change, every other value is the default
        CollectorSettings s = CollectorSettings.builder().stream("web").queueLimits(10, 1000).build();
        assertThat(s.stream()).isEqualTo("web");
        assertThat(s.maxQueueEvents()).isEqualTo(10);
        assertThat(s.maxQueueBytes()).isEqualTo(1000);
        assertThat(s.maxBatchEvents()).isEqualTo(500);
        assertThat(s.stopTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.spoolDir()).isNull();
        assertThat(CollectorSettings.builder().stopTimeout(Duration.ZERO).build().stopTimeout()).isZero();
    }

    @Test
    void aStreamThatCouldChangeTheUrlPathIsRefused() {
        // "../api/account" would leave /collect/json/; the message names the key and the value
        assertThatIllegalArgumentException().isThrownBy(() -> CollectorSettings.builder().stream("../api/account").build())
                .withMessageContaining("stream").withMessageContaining("../api/account");
        assertThatIllegalArgumentException().isThrownBy(() -> CollectorSettings.builder().stream("").build())
                .withMessageContaining("stream");
        assertThatNullPointerException().isThrownBy(() -> CollectorSettings.builder().stream(null).build())
                .withMessage("stream");
    }

    @Test
    void outOfRangeNumbersAreRefusedNamingKeyAndValue() {
        // zero events in the queue
        assertThatIllegalArgumentException().isThrownBy(() -> CollectorSettings.builder().queueLimits(0, 1000).build())
                .withMessageContaining("maxQueueEvents").withMessageContaining("was: 0");
        // more than the 24 bits the queue can count
        assertThatIllegalArgumentException().isThrownBy(() -> CollectorSettings.builder().queueLimits(1 << 24, 1000).build())
                .withMessageContaining("maxQueueEvents");
        // a batch over Lytics' 10 MB request limit
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CollectorSettings.builder().batchLimits(10, 20L * 1024 * 1024).build())
                .withMessageContaining("maxBatchBytes");
        // a zero linger
        assertThatIllegalArgumentException().isThrownBy(() -> CollectorSettings.builder().linger(Duration.ZERO).build())
                .withMessageContaining("linger");
        // backoff cap below the first backoff
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CollectorSettings.builder().backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)).build())
                .withMessageContaining("maxBackoff");
        // a negative retry time
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CollectorSettings.builder().maxRetryTime(Duration.ofSeconds(-1)).build())
                .withMessageContaining("maxRetryTime");
        // a relative spool directory
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CollectorSettings.builder().spool(java.nio.file.Path.of("spool"), 1000).build())
                .withMessageContaining("spoolDir");
        assertThatNullPointerException().isThrownBy(() -> CollectorSettings.builder().linger(null).build())
                .withMessage("linger");
    }
}
