package io.lytx.client.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lytx.client.LyticsClient;
import io.lytx.client.testing.LyticsFixtures;
import io.lytx.client.testing.RecordedRequest;
import io.lytx.client.testing.StubLyticsServer;
import io.lytx.client.testing.StubResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bulk uploads as Lytics' v1 API reference describes them (api-evangelist/lytics
 * openapi/lytics-data-upload-api-openapi.yml, also docs.lytics.com/reference/bulkcsvupload):
 * BulkCSVUpload and BulkJSONUpload are {@code POST /collect/bulk/{stream}} "on a different domain
 * https://bulk.lytics.io because the api.lytics.io domain is limited to 10MB file uploads"; CSV
 * takes {@code append} (its example: {@code append=%7B%22source%22%3A%22crm%22%7D}); JSON takes
 * {@code dryrun}, {@code timestamp_field}, {@code filename} and refuses objects nested inside arrays.
 * Two stub servers stand for the API host and the bulk host.
 */
class BulkUploadApiTest {

    private StubLyticsServer api;
    private StubLyticsServer bulk;
    private LyticsClient client;

    @BeforeEach
    void start() {
        api = StubLyticsServer.start();
        bulk = StubLyticsServer.start();
        client = LyticsClient.builder().token("tok").baseUri(api.baseUri()).bulkUri(bulk.baseUri()).build();
    }

    @AfterEach
    void stop() {
        client.close();
        api.close();
        bulk.close();
    }

    @Test
    void csvAndJsonFilesGoToTheBulkHostAndEventsToTheApiHost() {
        bulk.enqueue(StubResponse.json(200, LyticsFixtures.COLLECT_OK));
        bulk.enqueue(StubResponse.json(200, LyticsFixtures.COLLECT_OK));
        api.enqueue(StubResponse.json(200, LyticsFixtures.COLLECT_OK));

        client.collect().csv("crm", new ByteArrayInputStream("email\na@example.org\n".getBytes(StandardCharsets.UTF_8)),
                CsvOptions.defaults());
        client.collect().bulkJson("orders", new ByteArrayInputStream("{\"email\":\"a@example.org\"}\n".getBytes(StandardCharsets.UTF_8)),
                CollectOptions.defaults().timestampField("ordered").filename("orders.json").dryRun(true));
        client.collect().json("web", Map.of("_e", "pv"), CollectOptions.defaults());

        assertThat(bulk.takeRequest().requestLine()).isEqualTo("POST /collect/bulk/crm HTTP/1.1");
        RecordedRequest json = bulk.takeRequest();
        assertThat(json.requestLine())
                .isEqualTo("POST /collect/bulk/orders?dryrun=true&timestamp_field=ordered&filename=orders%2Ejson HTTP/1.1");
        assertThat(json.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(json.chunked()).isTrue();
        assertThat(json.bodyText()).isEqualTo("{\"email\":\"a@example.org\"}\n");
        assertThat(api.takeRequest().requestLine()).isEqualTo("POST /collect/json/web HTTP/1.1");
        assertThat(api.requestCount()).isEqualTo(1);
    }

    @Test
    void eventsAreSentNewlineDelimitedAndAnObjectInsideAnArrayIsRefusedBeforeSending() {
        bulk.enqueue(StubResponse.json(200, LyticsFixtures.COLLECT_OK));
        client.collect().bulkJson("orders", List.of(Map.of("order_ids", List.of(1, 2, 3)), Map.of("email", "b@example.org")),
                CollectOptions.defaults());
        assertThat(bulk.takeRequest().bodyText()).isEqualTo("{\"order_ids\":[1,2,3]}\n{\"email\":\"b@example.org\"}\n");

        // input: Lytics' own example of what the bulk JSON upload does not accept, as the second event
        List<Object> events = List.of(Map.of("email", "c@example.org"),
                Map.of("orders", List.of(Map.of("id", 1, "price", 22), Map.of("id", 2, "price", 23))));
        assertThatThrownBy(() -> client.collect().bulkJson("orders", events, CollectOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("events[1]").hasMessageContaining("nested inside an array").hasMessageContaining("orders");
        assertThatThrownBy(() -> client.collect().bulkJson("orders", List.of("just text"), CollectOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("events[0] must serialize to a JSON object");
        assertThat(bulk.requestCount()).as("nothing sent for refused events").isEqualTo(1);
    }

    @Test
    void appendIsSentAsUrlEncodedJsonAsInLyticsExample() {
        bulk.enqueue(StubResponse.json(200, LyticsFixtures.COLLECT_OK));
        client.collect().csv("user_regdata", new ByteArrayInputStream("email\na@example.org\n".getBytes(StandardCharsets.UTF_8)),
                CsvOptions.defaults().append(Map.of("source", "crm")));
        assertThat(bulk.takeRequest().requestLine())
                .isEqualTo("POST /collect/bulk/user_regdata?append=%7B%22source%22%3A%22crm%22%7D HTTP/1.1");

        assertThatThrownBy(() -> CsvOptions.defaults().append(Map.of("nested", Map.of("a", 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'nested'");
        assertThatThrownBy(() -> CsvOptions.defaults().append(Map.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
