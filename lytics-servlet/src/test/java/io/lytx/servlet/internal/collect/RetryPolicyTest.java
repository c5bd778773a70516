package io.lytx.servlet.internal.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.lytx.client.error.LyticsBadRequestException;
import io.lytx.client.error.LyticsConnectionException;
import io.lytx.client.error.LyticsRateLimitException;
import io.lytx.client.error.LyticsServerException;
import io.lytx.client.error.LyticsTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void retryableStatusesAre408And429AndMost5xx() {
        assertThat(RetryPolicy.isRetryableStatus(408)).isTrue();
        assertThat(RetryPolicy.isRetryableStatus(429)).isTrue();
        assertThat(RetryPolicy.isRetryableStatus(500)).isTrue();
        assertThat(RetryPolicy.isRetryableStatus(502)).isTrue();
        assertThat(RetryPolicy.isRetryableStatus(503)).isTrue();
        assertThat(RetryPolicy.isRetryableStatus(504)).isTrue();
        assertThat(RetryPolicy.isRetryableStatus(501)).as("not implemented will not change").isFalse();
        assertThat(RetryPolicy.isRetryableStatus(505)).as("HTTP version not supported").isFalse();
        assertThat(RetryPolicy.isRetryableStatus(511)).as("network authentication required").isFalse();
        assertThat(RetryPolicy.isRetryableStatus(400)).isFalse();
        assertThat(RetryPolicy.isRetryableStatus(401)).isFalse();
        assertThat(RetryPolicy.isRetryableStatus(413)).isFalse();
    }

    @Test
    void ioFailuresAreRetryableAndRefusalsAreNot() {
        assertThat(RetryPolicy.isRetryable(new LyticsConnectionException("refused", null))).isTrue();
        assertThat(RetryPolicy.isRetryable(new LyticsTimeoutException("read timed out", null))).isTrue();
        assertThat(RetryPolicy.isRetryable(new LyticsServerException("POST /collect/json/{stream}", 503, "busy"))).isTrue();
        assertThat(RetryPolicy.isRetryable(new LyticsBadRequestException("POST /collect/json/{stream}", "bad"))).isFalse();
        assertThat(RetryPolicy.isRetryable(new IllegalStateException("bug"))).isFalse();
    }

    @Test
    void backoffIsFullJitterBelowADoublingBoundWithACap() {
        CollectorSettings settings = CollectorSettings.builder()
                .maxRetryTime(Duration.ofMinutes(1)).backoff(Duration.ofMillis(100), Duration.ofMillis(800)).maxRetryAfter(Duration.ofSeconds(30)).build();
        RetryPolicy policy = new RetryPolicy(settings);
        RuntimeException failure = new LyticsConnectionException("refused", null);
        long[] bounds = {100, 200, 400, 800, 800, 800};
        for (int retry = 0; retry < bounds.length; retry++) {
            long max = 0;
            long min = Long.MAX_VALUE;
            for (int i = 0; i < 2_000; i++) {
                long ms = policy.delayBefore(failure, retry).toMillis();
                max = Math.max(max, ms);
                min = Math.min(min, ms);
            }
            assertThat(max).as("retry %s stays below its bound", retry).isLessThan(bounds[retry]);
            assertThat(max).as("retry %s uses most of its bound", retry).isGreaterThan(bounds[retry] * 8 / 10);
            assertThat(min).as("full jitter: delays near zero happen").isLessThan(bounds[retry] / 5);
        }
        assertThat(policy.delayBefore(failure, 1_000)).as("no overflow on many retries").isLessThan(Duration.ofMillis(800));
    }

    @Test
    void retryAfterIsUsedAsIsUnderTheCap() {
        RetryPolicy policy = new RetryPolicy(CollectorSettings.builder()
                .maxRetryTime(Duration.ofMinutes(1)).backoff(Duration.ofMillis(10), Duration.ofMillis(20)).maxRetryAfter(Duration.ofSeconds(30)).build());
        assertThat(policy.delayBefore(new LyticsRateLimitException("op", "slow", Duration.ofSeconds(7)), 0))
                .isEqualTo(Duration.ofSeconds(7));
        assertThat(policy.delayBefore(new LyticsRateLimitException("op", "slow", Duration.ofHours(2)), 0))
                .as("capped").isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.delayBefore(new LyticsRateLimitException("op", "slow", null), 0))
                .as("no Retry-After: jittered backoff").isLessThan(Duration.ofMillis(10));
    }

    @Test
    void retryAfterOfA503IsHonouredLikeA429() {
        // input: 503 answers with Retry-After 5 s, 2 h and none; must: 5 s as is, 2 h capped at 30 s, none → backoff
        RetryPolicy policy = new RetryPolicy(CollectorSettings.builder()
                .maxRetryTime(Duration.ofMinutes(1)).backoff(Duration.ofMillis(10), Duration.ofMillis(20)).maxRetryAfter(Duration.ofSeconds(30)).build());
        String op = "POST /collect/json/{stream}";
        assertThat(policy.delayBefore(new LyticsServerException(op, 503, "maintenance", Duration.ofSeconds(5)), 3))
                .as("the server's wait wins over the backoff of retry 3").isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.delayBefore(new LyticsServerException(op, 503, "maintenance", Duration.ofHours(2)), 0))
                .as("capped").isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.delayBefore(new LyticsServerException(op, 503, "maintenance"), 0))
                .as("no Retry-After: jittered backoff").isLessThan(Duration.ofMillis(10));
    }
}
