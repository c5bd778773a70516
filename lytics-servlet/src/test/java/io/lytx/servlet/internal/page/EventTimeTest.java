package io.lytx.servlet.internal.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.lytx.client.LyticsClient;
import io.lytx.client.testing.RecordedRequest;
import io.lytx.client.testing.StubLyticsServer;
import io.lytx.client.testing.StubResponse;
import io.lytx.servlet.Identity;
import io.lytx.servlet.config.ClientIpMode;
import io.lytx.servlet.internal.collect.CollectorSettings;
import io.lytx.servlet.internal.collect.EventCollector;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Event time: Lytics stamps an uploaded event with the time it receives it unless the upload names,
 * in the {@code timestamp_field} query parameter of {@code POST /collect/json/{stream}}, the field
 * that holds the event's own time (learn.lytics.com "Data upload"; the API reference's DataUpload
 * parameters, as summarized in the project's Lytics API notes, section 3). A page view retried after
 * an outage must therefore arrive naming {@code _ts}, with {@code _ts} still the page's time.
 */
class EventTimeTest {

    /** When the page was served: long before Lytics comes back. */
    private static final long PAGE_TIME = 1_700_000_000_000L;
    private static final String UID = "6f1c2a9e-3b4d-4c5e-8f70-81a2b3c4d5e6";

    @Test
    void pageViewAndLoginRetriedAfterAnOutageKeepTheirPageTime() {
        AtomicInteger collectCalls = new AtomicInteger();
        try (StubLyticsServer lytics = StubLyticsServer.start()) {
            // input: Lytics down for the first three attempts (503), then up again
            lytics.dispatcher(r -> collectCalls.incrementAndGet() <= 3
                    ? StubResponse.json(503, "{\"status\":503,\"message\":\"down for maintenance\",\"data\":null}")
                    : StubResponse.json(200, "{\"status\":200,\"message\":\"success\",\"data\":{\"message_count\":2,"
                            + "\"rejected_count\":0,\"timestamp_field\":\"_ts\"}}"));
            CollectorSettings settings = CollectorSettings.builder()
                    .batchLimits(500, 1024 * 1024).linger(Duration.ofHours(1))
                    .maxRetryTime(Duration.ofSeconds(30)).backoff(Duration.ofMillis(10), Duration.ofMillis(20)).maxRetryAfter(Duration.ofSeconds(1)).build();
            try (LyticsClient client = LyticsClient.builder().baseUri(lytics.baseUri()).token("test-token-not-secret")
                    .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(10)).build();
                 EventCollector collector = new EventCollector(client, settings)) {
                PageViewEvents events = new PageViewEvents(false, ClientIpMode.OFF);
                Identity known = new Identity(UID, false, "email", "pat@example.org");
                PageRequest page = new PageRequest("https", "shop.example.com", 443, "/cart", null, null, "en", "UA", "203.0.113.7");
                collector.offer(events.pageView(page, known, "pv-1", PAGE_TIME));
                collector.offer(events.identify(known, PAGE_TIME));

                assertThat(collector.flush(Duration.ofSeconds(30))).as("delivered once Lytics is back").isTrue();
            }
            List<RecordedRequest> uploads = lytics.requests().stream()
                    .filter(r -> r.path().equals("/collect/json/default")).toList();
            assertThat(uploads).as("three refused attempts and the accepted one").hasSize(4);
            assertThat(uploads).allSatisfy(r -> assertThat(r.query()).as("query of %s", r.requestLine())
                    .contains("timestamp_field=_ts"));
            List<JsonObject> accepted = events(uploads.get(3).bodyText());
            assertThat(accepted).extracting(e -> e.getString("_e")).containsExactly("pv", "login");
            assertThat(accepted).allSatisfy(e -> assertThat(e.getString("_ts"))
                    .as("event time of %s after the retries", e).isEqualTo(Long.toString(PAGE_TIME)));
        }
    }

    private static List<JsonObject> events(String jsonArray) {
        try (JsonReader reader = Json.createReader(new StringReader(jsonArray))) {
            return reader.readArray().getValuesAs(JsonObject.class);
        }
    }
}
