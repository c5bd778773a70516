package io.lytx.servlet.internal.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.lytx.client.LyticsClient;
import io.lytx.servlet.internal.collect.CollectStub.Reply;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Events still unsent when shutdown gives up (Lytics refusing during a redeploy) are written to the
 * spool and sent by the next collector, once each, with their original ids and times.
 */
class CollectorSpoolTest {

    @TempDir
    Path spoolDir;

    @Test
    void eventsUnsentAtShutdownAreSentByTheNextCollectorOnce() throws IOException {
        CollectorSettings settings = CollectorFixture.fast().spool(spoolDir, 1024 * 1024).build();
        List<CollectEvent> events = IntStream.range(0, 25).mapToObj(CollectorFixture::pageView).toList();
        try (CollectorFixture down = CollectorFixture.start(settings)) {
            // input: Lytics refuses every upload while the application is undeployed
            down.stub.otherwise(Reply.status(503, "down for maintenance"));
            events.forEach(e -> assertThat(down.collector.offer(e)).isTrue());

            ShutdownReport report = down.collector.shutdown(Duration.ofMillis(500));

            assertThat(report.flushedInTime()).isFalse();
            assertThat(report.unsent()).isEqualTo(25);
            assertThat(down.collector.metrics().spooled()).isEqualTo(25);
            assertThat(down.stub.received()).as("the refused attempts").isNotEmpty();
        }
        try (Stream<Path> files = Files.list(spoolDir)) {
            assertThat(files).singleElement();
        }

        try (CollectStub up = new CollectStub();
             LyticsClient client = CollectorFixture.client(up.baseUri(), Duration.ofSeconds(10));
             EventCollector next = new EventCollector(client, settings)) {
            assertThat(next.metrics().replayed()).isEqualTo(25);
            assertThat(next.flush(Duration.ofSeconds(10))).isTrue();

            List<JsonObject> received = up.received().stream().flatMap(r -> r.events().stream()).toList();
            assertThat(received).extracting(e -> e.getString(CollectEvent.ID_FIELD))
                    .containsExactlyElementsOf(events.stream().map(CollectEvent::id).toList());
            assertThat(received).extracting(e -> e.getString("url"))
                    .containsExactlyElementsOf(events.stream().map(e -> e.fields().get("url")).toList());
        }
        try (Stream<Path> files = Files.list(spoolDir)) {
            assertThat(files).as("sent: the spool is empty").isEmpty();
        }
    }
}
