package io.lytx.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lytx.client.error.LyticsRateLimitException;
import io.lytx.client.error.LyticsResponseException;
import io.lytx.client.error.LyticsServerException;
import java.time.Duration;
import io.lytx.client.testing.LyticsFixtures;
import io.lytx.client.testing.StubLyticsExtension;
import io.lytx.client.testing.StubResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Answers over the 5 MB default cap are refused without being read whole, and their connection is
 * discarded (not drained and reused); normal answers reuse one pooled connection.
 */
class ResponseLimitTest {

    private static final long SIX_MB = 6L * 1024 * 1024;

    @RegisterExtension
    final StubLyticsExtension lytics = new StubLyticsExtension();

    @Test
    void sixMegabyteBodyWithContentLengthIsRefusedBeforeReading() {
        lytics.server().enqueue(StubResponse.largeJson(SIX_MB, true));
        lytics.server().enqueue(StubResponse.json(200, LyticsFixtures.SEGMENT_LIST));

        assertThatThrownBy(() -> lytics.client().segments().list(null, null)).isInstanceOf(LyticsResponseException.class)
                .hasMessageContaining(SIX_MB + " bytes is over the limit of 5242880 bytes; not read");

        lytics.client().segments().list(null, null);
        assertThat(lytics.server().requests()).extracting(r -> r.connectionId()).doesNotHaveDuplicates();
    }

    @Test
    void sixMegabyteChunkedBodyIsCutAtTheCapAndItsConnectionDiscarded() {
        lytics.server().enqueue(StubResponse.largeJson(SIX_MB, false));
        lytics.server().enqueue(StubResponse.json(200, LyticsFixtures.SEGMENT_LIST));

        assertThatThrownBy(() -> lytics.client().segments().list(null, null)).isInstanceOf(LyticsResponseException.class)
                .hasMessageContaining("over the limit of 5242880 bytes; reading stopped");

        lytics.client().segments().list(null, null);
        assertThat(lytics.server().requests()).extracting(r -> r.connectionId()).doesNotHaveDuplicates();
    }

    @Test
    void oversizedErrorBodyStillReportsTheHttpStatus() {
        lytics.server().enqueue(StubResponse.largeJson(SIX_MB, true).withStatus(500));
        lytics.server().enqueue(StubResponse.largeJson(SIX_MB, false).withStatus(429).withHeader("Retry-After", "3"));

        assertThatThrownBy(() -> lytics.client().segments().list(null, null)).isInstanceOfSatisfying(LyticsServerException.class,
                e -> assertThat(e.status()).isEqualTo(500));
        assertThatThrownBy(() -> lytics.client().segments().list(null, null)).isInstanceOfSatisfying(LyticsRateLimitException.class,
                e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(3)));
    }

    @Test
    void capIsConfigurableAndABodyUnderItIsRead() {
        try (LyticsClient small = LyticsClient.builder().baseUri(lytics.server().baseUri()).token("tok").maxResponseBytes(100).build()) {
            lytics.server().enqueue(StubResponse.json(200, LyticsFixtures.SEGMENT_LIST));
            assertThatThrownBy(() -> small.segments().list(null, null)).isInstanceOf(LyticsResponseException.class);
        }
        long fourMb = 4L * 1024 * 1024;
        lytics.server().enqueue(StubResponse.largeJson(fourMb, false));
        assertThat(lytics.client().accounts().get("current").all().string("pad")).hasValueSatisfying(
                pad -> assertThat(pad).hasSize((int) fourMb - "{\"data\":{\"pad\":\"\"}}".length()));
    }

    @Test
    void consecutiveCallsReuseOnePooledConnection() {
        for (int i = 0; i < 3; i++) {
            lytics.server().enqueue(StubResponse.json(200, LyticsFixtures.SEGMENT_LIST));
            lytics.client().segments().list("user", null);
        }

        assertThat(lytics.server().requests()).extracting(r -> r.connectionId()).containsOnly(1);
        assertThat(lytics.server().connectionCount()).isEqualTo(1);
    }
}
