package io.lytx.servlet.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lytx.client.testing.RecordedRequest;
import io.lytx.client.testing.StubLyticsServer;
import io.lytx.client.testing.StubResponse;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Nothing lost at a redeploy while Lytics is down: page views still unsent when the undeploy's flush
 * deadline passes are written to the spool directory, and the redeployed application sends each of
 * them once, with its original id and page time, when Lytics is back.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SpoolRedeployIT {

    private static final String APP = "spool-redeploy";
    private static final Path SPOOL = tempDir();
    /** Whether Lytics takes uploads; while false it answers 503 as during an outage. */
    private static volatile boolean lyticsUp;
    /** The events Lytics accepted (answered 200), as they arrived. */
    private static final List<JsonObject> ACCEPTED = new CopyOnWriteArrayList<>();
    private static final List<String> ACCEPTED_QUERIES = new CopyOnWriteArrayList<>();
    private static final StubLyticsServer LYTICS = lytics();

    @ArquillianResource
    private URL probe;

    @ArquillianResource
    private Deployer deployer;

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("lytics-spool-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static StubLyticsServer lytics() {
        StubLyticsServer server = StubLyticsServer.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "spool-stub-stop"));
        server.dispatcher(SpoolRedeployIT::answer);
        return server;
    }

    private static StubResponse answer(RecordedRequest r) {
        if (r.path().startsWith("/api/entity/")) {
            return StubResponse.json(200, "{\"status\":200,\"message\":\"Not Found\",\"data\":{\"segments\":[\"all\"]}}");
        }
        if (!lyticsUp) {
            return StubResponse.json(503, "{\"status\":503,\"message\":\"down for maintenance\",\"data\":null}");
        }
        try (JsonReader reader = Json.createReader(new StringReader(r.bodyText()))) {
            ACCEPTED.addAll(reader.readArray().getValuesAs(JsonObject.class));
        }
        ACCEPTED_QUERIES.add(r.query());
        return StubResponse.json(200, "{\"status\":200,\"message\":\"success\",\"data\":{\"message_count\":1,"
                + "\"rejected_count\":0}}");
    }

    /** An app without the plugin: it tells the container's address. */
    @Deployment(name = "probe", testable = false)
    static WebArchive probeApp() {
        return TestApps.plain("spool-probe");
    }

    @Deployment(name = APP, managed = false, testable = false)
    static WebArchive app() {
        return TestApps.withPlugin(APP, Map.of(
                "lytics.api.url", LYTICS.baseUri().toString(),
                "lytics.api.token", "spool-test-token",
                "lytics.budget.ms", "1000",
                "lytics.batch.linger.ms", "50",
                "lytics.shutdown.timeout.ms", "1000",
                "lytics.spool.dir", SPOOL.toString()));
    }

    @Test
    void pageViewsUnsentAtUndeployArriveOnceAfterTheRedeploy() {
        // input: Lytics refusing every upload from the first page to the undeploy
        lyticsUp = false;
        deployer.deploy(APP);
        String context = Jmx.findContext(APP);
        URI page = Http.base(probe).resolve(context + "/page");
        List<String> visitors = Http.newVisitors(page, 12);
        assertThat(visitors).doesNotHaveDuplicates();
        long servedBy = System.currentTimeMillis();

        deployer.undeploy(APP);

        assertThat(spoolFiles()).as("spool written at undeploy").hasSize(1);
        assertThat(ACCEPTED).isEmpty();

        lyticsUp = true;
        deployer.deploy(APP);
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(pageViewsOf(visitors))
                    .as("page views accepted by Lytics").hasSize(visitors.size()));
            List<JsonObject> pageViews = pageViewsOf(visitors);
            assertThat(pageViews).extracting(e -> e.getString("_uid")).as("each page view once")
                    .containsExactlyInAnyOrderElementsOf(visitors);
            assertThat(pageViews).extracting(e -> e.getString("_eid")).doesNotHaveDuplicates();
            assertThat(pageViews).allSatisfy(e -> assertThat(Long.parseLong(e.getString("_ts")))
                    .as("the page's time, not the resend's").isLessThanOrEqualTo(servedBy));
            assertThat(ACCEPTED_QUERIES).allSatisfy(q -> assertThat(q).contains("timestamp_field=_ts"));
            assertThat(spoolFiles()).as("nothing left to send twice").isEmpty();
        } finally {
            deployer.undeploy(APP);
        }
    }

    private static List<JsonObject> pageViewsOf(List<String> visitors) {
        return ACCEPTED.stream().filter(e -> "pv".equals(e.getString("_e", null))
                && visitors.contains(e.getString("_uid", null))).toList();
    }

    private static List<Path> spoolFiles() {
        try (Stream<Path> files = Files.list(SPOOL)) {
            return files.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
