package io.lytx.servlet.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lytx.client.testing.RecordedRequest;
import io.lytx.client.testing.StubLyticsServer;
import io.lytx.client.testing.StubResponse;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One client floods the collect relay with a fresh visitor id on every event while Lytics is slow:
 * the per-address limit refuses most of it and the browser events' share of the queue holds the
 * rest, so every page view the server served is still sent once Lytics answers again.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CollectFloodIT {

    /** Lytics is slow (every upload waits here) until the test opens it. */
    private static final CountDownLatch LYTICS_BACK = new CountDownLatch(1);
    private static final StubLyticsServer LYTICS = slowLytics();

    @ArquillianResource
    private URL base;

    private static StubLyticsServer slowLytics() {
        StubLyticsServer server = StubLyticsServer.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "flood-stub-stop"));
        server.dispatcher(r -> {
            if (r.path().startsWith("/api/entity/")) {
                return StubResponse.json(200, "{\"status\":200,\"message\":\"Not Found\",\"data\":{\"segments\":[\"all\"]}}");
            }
            try {
                LYTICS_BACK.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return StubResponse.json(200, "{\"status\":200,\"message\":\"success\",\"data\":{\"message_count\":1,"
                    + "\"rejected_count\":0}}");
        });
        return server;
    }

    /** Lytics answers again whatever the test did, so that the undeploy flush does not wait; the stub lives as long as the JVM. */
    @AfterAll
    static void lyticsBack() {
        LYTICS_BACK.countDown();
    }

    @Deployment(testable = false)
    static WebArchive app() {
        return TestApps.withPlugin("flood", Map.of(
                "lytics.api.url", LYTICS.baseUri().toString(),
                "lytics.api.token", "flood-test-token",
                "lytics.budget.ms", "1000",
                "lytics.batch.linger.ms", "20",
                "lytics.batch.max.events", "10",
                "lytics.queue.max.events", "100",
                "lytics.endpoints.collect.address.rate", "30",
                "lytics.endpoints.collect.queue.share", "20"));
    }

    @Test
    void aFloodWithFreshIdsFromOneAddressNeverCrowdsOutPageViews() {
        URI collect = Http.base(base).resolve("lytics/collect");
        URI page = Http.base(base).resolve("page");
        // input: 300 events from one address, each with a new visitor id, while Lytics does not answer
        int queued = 0;
        int limited = 0;
        for (int i = 0; i < 300; i++) {
            HttpResponse<String> r = Http.postEvent(collect, "seerid=" + UUID.randomUUID(), "{\"_e\":\"click\"}");
            queued += r.statusCode() == 204 ? 1 : 0;
            limited += r.statusCode() == 429 ? 1 : 0;
        }
        List<String> visitors = Http.newVisitors(page, 30);
        assertThat(visitors).doesNotHaveDuplicates();

        LYTICS_BACK.countDown();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            String uploaded = LYTICS.requests().stream().filter(r -> r.path().startsWith("/collect/json/"))
                    .map(RecordedRequest::bodyText).reduce("", String::concat);
            assertThat(visitors).as("visitors whose page view reached Lytics")
                    .allMatch(v -> uploaded.contains("\"_uid\":\"" + v + "\""));
        });
        // 30 at once, then one every 2 s: even a flood slowed to a minute by a loaded machine gets at most 60 through
        assertThat(limited).as("events refused by the per-address limit of 30 a minute").isGreaterThanOrEqualTo(240);
        assertThat(queued).as("browser events queued: their share (20 of 100) plus one batch in flight (10)")
                .isLessThanOrEqualTo(30);
    }
}
