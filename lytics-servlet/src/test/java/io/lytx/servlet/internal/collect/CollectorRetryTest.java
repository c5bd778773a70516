package io.lytx.servlet.internal.collect;

import static io.lytx.servlet.internal.collect.CollectorFixture.pageView;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lytx.servlet.internal.collect.CollectStub.Received;
import io.lytx.servlet.internal.collect.CollectStub.Reply;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.logging.LogRecord;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Which answers are retried, how long the collector waits, and how retried batches look. */
class CollectorRetryTest {

    @RegisterExtension
    final CapturedLog log = new CapturedLog(BatchSender.class);

    @Test
    void serverErrorsAreRetriedWithTheSameEventIds() throws Exception {
        try (CollectorFixture f = CollectorFixture.start(CollectorFixture.fast())) {
            f.stub.thenReply(Reply.status(503, "busy"), Reply.status(500, "oops"), Reply.status(408, "slow"));
            List<String> ids = IntStream.range(0, 4).mapToObj(CollectorFixture::pageView)
                    .peek(f.collector::offer).map(CollectEvent::id).toList();

            assertThat(f.collector.flush(Duration.ofSeconds(10))).isTrue();

            List<Received> attempts = f.stub.received();
            assertThat(attempts).as("503, 500 and 408 are retried, the 4th attempt succeeds").hasSize(4);
            assertThat(attempts).allSatisfy(r -> assertThat(r.eventIds()).containsExactlyElementsOf(ids));
            assertThat(ids).doesNotHaveDuplicates();
            assertThat(f.collector.metrics().retried()).isEqualTo(3);
            assertThat(f.collector.metrics().sent()).isEqualTo(4);
            assertThat(f.collector.metrics().failed()).isZero();
            assertThat(f.collector.metrics().lastError()).hasValueSatisfying(
                    e -> assertThat(e.message()).contains("408"));
        }
    }

    @Test
    void connectionFailuresAreRetried() throws Exception {
        // the first attempt is cut by the client's read timeout, the retry succeeds
        try (CollectorFixture f = CollectorFixture.start(CollectorFixture.fast(), Duration.ofMillis(300))) {
            f.stub.thenReply(Reply.hanging());
            CollectEvent event = pageView(1);
            f.collector.offer(event);

            assertThat(f.collector.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(f.stub.received()).hasSize(2)
                    .allSatisfy(r -> assertThat(r.eventIds()).containsExactly(event.id()));
            assertThat(f.collector.metrics().retried()).isEqualTo(1);
            assertThat(f.collector.metrics().sent()).isEqualTo(1);
        }
    }

    @Test
    void retryAfterInSecondsIsHonoured() throws Exception {
        // backoff without Retry-After would be below 20 ms
        try (CollectorFixture f = CollectorFixture.start(CollectorFixture.fast())) {
            f.stub.thenReply(Reply.status(429, "slow down", "Retry-After", "1"));
            f.collector.offer(pageView(1));

            assertThat(f.collector.flush(Duration.ofSeconds(10))).isTrue();
            List<Received> attempts = f.stub.received();
            assertThat(attempts).hasSize(2);
            assertThat(Duration.ofNanos(attempts.get(1).nanoTime() - attempts.get(0).nanoTime()))
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
    }

    @Test
    void retryAfterOfA503IsHonoured() throws Exception {
        // input: 503 "maintenance" with Retry-After 1; must: the retry waits at least 1 s (backoff alone is < 20 ms)
        try (CollectorFixture f = CollectorFixture.start(CollectorFixture.fast())) {
            f.stub.thenReply(Reply.status(503, "maintenance", "Retry-After", "1"));
            f.collector.offer(pageView(1));

            assertThat(f.collector.flush(Duration.ofSeconds(10))).isTrue();
            List<Received> attempts = f.stub.received();
            assertThat(attempts).hasSize(2);
            assertThat(Duration.ofNanos(attempts.get(1).nanoTime() - attempts.get(0).nanoTime()))
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
    }

    @Test
    void retryAfterAsAnHttpDateIsHonoured() throws Exception {
        // input: a 429 whose Retry-After is an HTTP-date 3 s ahead (whole seconds); must hold: the retry
        // arrives no earlier than that date on the wall clock. (Not "1.5 s after the first attempt": the
        // first attempt may come well after the date was written on a busy machine, leaving less to wait.)
        ZonedDateTime named = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(3).withNano(0);
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(named);
        try (CollectorFixture f = CollectorFixture.start(CollectorFixture.fast())) {
            f.stub.thenReply(Reply.status(429, "slow down", "Retry-After", date));
            f.collector.offer(pageView(1));

            assertThat(f.collector.flush(Duration.ofSeconds(10))).isTrue();
            List<Received> attempts = f.stub.received();
            assertThat(attempts).hasSize(2);
            long retryAgeNanos = System.nanoTime() - attempts.get(1).nanoTime();
            long retryEpochMillis = System.currentTimeMillis() - retryAgeNanos / 1_000_000;
            assertThat(retryEpochMillis).as("wall-clock time of the retry, in epoch ms")
                    .isGreaterThanOrEqualTo(named.toInstant().toEpochMilli());
        }
    }

    @Test
    void retryAfterIsCapped() throws Exception {
        // Retry-After asks for an hour; the cap is 200 ms, so the retry comes soon and succeeds
        CollectorSettings settings = CollectorFixture.fast()
                .maxRetryTime(Duration.ofSeconds(10)).backoff(Duration.ofMillis(10), Duration.ofMillis(20)).maxRetryAfter(Duration.ofMillis(200)).build();
        try (CollectorFixture f = CollectorFixture.start(settings)) {
            f.stub.thenReply(Reply.status(429, "slow down", "Retry-After", "3600"));
            f.collector.offer(pageView(1));

            assertThat(f.collector.flush(Duration.ofSeconds(10))).isTrue();
            List<Received> attempts = f.stub.received();
            assertThat(attempts).hasSize(2);
            assertThat(Duration.ofNanos(attempts.get(1).nanoTime() - attempts.get(0).nanoTime()))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(200))
                    .isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void badRequestIsNotRetriedCountedAsRejectedAndLoggedOnce() throws Exception {
        try (CollectorFixture f = CollectorFixture.start(CollectorFixture.fast())) {
            f.stub.otherwise(Reply.status(400, "invalid stream name frob"));
            f.collector.offer(pageView(1));
            f.collector.offer(pageView(2));
            assertThat(f.collector.flush(Duration.ofSeconds(10))).as("a refusal is final: the flush is done").isTrue();
            f.collector.offer(pageView(3));
            assertThat(f.collector.flush(Duration.ofSeconds(10))).isTrue();

            assertThat(f.stub.batchSizes()).as("one POST per batch, no retry").containsExactly(2, 1);
            assertThat(f.collector.metrics().rejected()).isEqualTo(3);
            assertThat(f.collector.metrics().retried()).isZero();
            assertThat(f.collector.metrics().sent()).isZero();
            List<LogRecord> warnings = log.records().stream()
                    .filter(r -> r.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue())
                    .toList();
            assertThat(warnings).as("one warning for two refused batches").singleElement()
                    .satisfies(r -> assertThat(r.getMessage()).contains("400").contains("invalid stream name frob"));
            assertThat(log.records()).allSatisfy(r -> assertThat(r.getMessage()).doesNotContain("test-token-not-secret"));
        }
    }

    @Test
    void aClosedClientFailsTheBatchWithOneWarningLineAndNoStackTrace() throws Exception {
        // input: the application closed the Lytics client while the collector still runs; must hold:
        // the batch is counted as failed, not retried, and the log says why in one line (no trace)
        try (CollectorFixture f = CollectorFixture.start(CollectorFixture.fast())) {
            f.client.close();
            f.collector.offer(pageView(1));
            f.collector.offer(pageView(2));

            assertThat(f.collector.flush(Duration.ofSeconds(10))).as("the events were not delivered").isFalse();
            assertThat(f.collector.metrics().failed()).isEqualTo(2);
            assertThat(f.collector.metrics().retried()).isZero();
            assertThat(f.stub.received()).isEmpty();
            assertThat(log.records()).filteredOn(r -> r.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue())
                    .singleElement().satisfies(r -> {
                        assertThat(r.getMessage()).contains("2 events").contains("client is closed");
                        assertThat(r.getThrown()).isNull();
                    });
        }
    }

    @Test
    void eventsLyticsCountsAsRejectedInASuccessfulAnswerAreCountedAsRejected() throws Exception {
        try (CollectorFixture f = CollectorFixture.start(CollectorFixture.fast())) {
            f.stub.thenReply(Reply.ok(2, 1));
            IntStream.range(0, 3).forEach(i -> f.collector.offer(pageView(i)));

            assertThat(f.collector.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(f.collector.metrics().sent()).isEqualTo(2);
            assertThat(f.collector.metrics().rejected()).isEqualTo(1);
            assertThat(f.collector.metrics().batches()).isEqualTo(1);
            assertThat(f.stub.received()).hasSize(1);
        }
    }

    @Test
    void anUnreadableAnswerIsRetried() throws Exception {
        // a proxy's HTML page instead of Lytics' JSON: the events probably did not arrive
        try (CollectorFixture f = CollectorFixture.start(CollectorFixture.fast())) {
            f.stub.thenReply(Reply.raw(200, "text/html", "<html>captive portal</html>"));
            CollectEvent event = pageView(1);
            f.collector.offer(event);

            assertThat(f.collector.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(f.stub.received()).hasSize(2)
                    .allSatisfy(r -> assertThat(r.eventIds()).containsExactly(event.id()));
            assertThat(f.collector.metrics().sent()).isEqualTo(1);
        }
    }

    @Test
    void notImplementedIsNotRetried() throws Exception {
        try (CollectorFixture f = CollectorFixture.start(CollectorFixture.fast())) {
            f.stub.otherwise(Reply.status(501, "not implemented"));
            f.collector.offer(pageView(1));

            assertThat(f.collector.flush(Duration.ofSeconds(10))).as("501 will not change: the batch failed").isFalse();
            assertThat(f.stub.received()).hasSize(1);
            assertThat(f.collector.metrics().failed()).isEqualTo(1);
            assertThat(f.collector.metrics().retried()).isZero();
        }
    }

    @Test
    void retriesStopWhenTheRetryTimeIsSpent() throws Exception {
        Duration maxRetryTime = Duration.ofMillis(500);
        CollectorSettings settings = CollectorFixture.fast()
                .batchLimits(500, 1024 * 1024).linger(Duration.ofMillis(50))
                .maxRetryTime(maxRetryTime).backoff(Duration.ofMillis(20), Duration.ofMillis(40)).maxRetryAfter(Duration.ofSeconds(1)).build();
        try (CollectorFixture f = CollectorFixture.start(settings)) {
            f.stub.otherwise(Reply.status(503, "down for maintenance"));
            f.collector.offer(pageView(1));

            await().untilAsserted(() -> assertThat(f.collector.metrics().failed()).isEqualTo(1));
            List<Received> attempts = f.stub.received();
            assertThat(attempts.size()).as("retried several times, then given up").isGreaterThan(2);
            long span = attempts.get(attempts.size() - 1).nanoTime() - attempts.get(0).nanoTime();
            assertThat(Duration.ofNanos(span)).as("every retry started within the retry time")
                    .isLessThanOrEqualTo(maxRetryTime.plusMillis(100));
            assertThat(f.collector.metrics().retried()).isEqualTo(attempts.size() - 1);
            assertThat(f.collector.metrics().sent()).isZero();
            assertThat(f.collector.metrics().lastError()).hasValueSatisfying(
                    e -> assertThat(e.message()).contains("503").contains("down for maintenance"));
        }
    }
}
