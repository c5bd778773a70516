package io.lytx.servlet.collect;

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
    void withMethodsChangeOnlyTheirComponents() {
        CollectorSettings s = CollectorSettings.defaults().withStream("web").withQueueLimits(10, 1000);
        assertThat(s.stream()).isEqualTo("web");
        assertThat(s.maxQueueEvents()).isEqualTo(10);
        assertThat(s.maxQueueBytes()).isEqualTo(1000);
        assertThat(s.maxBatchEvents()).isEqualTo(500);
        assertThat(s.withStopTimeout(Duration.ZERO).stopTimeout()).isZero();
    }

    @Test
    void aStreamThatCouldChangeTheUrlPathIsRefused() {
        // "../api/account" would leave /collect/json/; the message names the key and the value
        assertThatIllegalArgumentException().isThrownBy(() -> CollectorSettings.defaults().withStream("../api/account"))
                .withMessageContaining("stream").withMessageContaining("../api/account");
        assertThatIllegalArgumentException().isThrownBy(() -> CollectorSettings.defaults().withStream(""))
                .withMessageContaining("stream");
        assertThatNullPointerException().isThrownBy(() -> CollectorSettings.defaults().withStream(null))
                .withMessage("stream");
    }

    @Test
    void outOfRangeNumbersAreRefusedNamingKeyAndValue() {
        CollectorSettings d = CollectorSettings.defaults();
        // zero events in the queue
        assertThatIllegalArgumentException().isThrownBy(() -> d.withQueueLimits(0, 1000))
                .withMessageContaining("maxQueueEvents").withMessageContaining("was: 0");
        // more than the 24 bits the queue can count
        assertThatIllegalArgumentException().isThrownBy(() -> d.withQueueLimits(1 << 24, 1000))
                .withMessageContaining("maxQueueEvents");
        // a batch over Lytics' 10 MB request limit
        assertThatIllegalArgumentException().isThrownBy(() -> d.withBatchLimits(10, 20L * 1024 * 1024, Duration.ofSeconds(1)))
                .withMessageContaining("maxBatchBytes");
        // a zero linger
        assertThatIllegalArgumentException().isThrownBy(() -> d.withBatchLimits(10, 1000, Duration.ZERO))
                .withMessageContaining("linger");
        // backoff cap below the first backoff
        assertThatIllegalArgumentException().isThrownBy(() -> d.withRetry(Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(1), Duration.ofSeconds(1))).withMessageContaining("maxBackoff");
        // a negative retry time
        assertThatIllegalArgumentException().isThrownBy(() -> d.withRetry(Duration.ofSeconds(-1), Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(1))).withMessageContaining("maxRetryTime");
        assertThatNullPointerException().isThrownBy(() -> d.withBatchLimits(10, 1000, null)).withMessage("linger");
    }
}
