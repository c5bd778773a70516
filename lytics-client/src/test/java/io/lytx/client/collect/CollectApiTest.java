package io.lytx.client.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lytx.client.testing.LyticsFixtures;
import io.lytx.client.testing.RecordedRequest;
import io.lytx.client.testing.StubLyticsExtension;
import io.lytx.client.testing.StubResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class CollectApiTest {

    @RegisterExtension
    final StubLyticsExtension lytics = new StubLyticsExtension();

    /** An event type serialized by JSON-B. */
    public record PageView(String _e, String url, long _ts) {
    }

    @Test
    void oneEventIsSerializedWithJsonbAndCountsComeBack() {
        lytics.server().enqueue(StubResponse.json(200, LyticsFixtures.COLLECT_OK));

        CollectResult result = lytics.client().collect().json("web", new PageView("pv", "example.org/a", 1718000000000L),
                CollectOptions.defaults().dryRun(true).timestampField("_ts").filename("orders.json"));

        assertThat(result).isEqualTo(new CollectResult(3, 1, true));
        RecordedRequest r = lytics.server().takeRequest();
        assertThat(r.requestLine())
                .isEqualTo("POST /collect/json/web?dryrun=true&timestamp_field=_ts&filename=orders%2Ejson HTTP/1.1");
        assertThat(r.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(r.bodyText()).isEqualTo("{\"_e\":\"pv\",\"_ts\":1718000000000,\"url\":\"example.org/a\"}");
    }

    @Test
    void aListOfEventsIsSentAsOneArray() {
        lytics.server().enqueue(StubResponse.json(200, "{\"status\":200,\"message\":\"success\",\"data\":{\"message_count\":\"2\","
                + "\"rejected_count\":\"0\",\"dryrun\":false}}"));
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("eventName", "add_to_cart");
        a.put("qty", 2);

        CollectResult result = lytics.client().collect().json("android_sdk", List.of(a, Map.of("eventName", "view")),
                CollectOptions.defaults());

        assertThat(result).isEqualTo(new CollectResult(2, 0, false));
        RecordedRequest r = lytics.server().takeRequest();
        assertThat(r.requestLine()).isEqualTo("POST /collect/json/android_sdk HTTP/1.1");
        assertThat(r.bodyText()).isEqualTo("[{\"eventName\":\"add_to_cart\",\"qty\":2},{\"eventName\":\"view\"}]");
    }

    @Test
    void preSerializedBodyIsSentAsIsAndMustBeObjectOrArray() {
        lytics.server().enqueue(StubResponse.json(200, LyticsFixtures.COLLECT_OK));
        byte[] body = "  [{\"a\":1}]".getBytes(StandardCharsets.UTF_8);

        lytics.client().collect().jsonBody("s", body, CollectOptions.defaults());

        assertThat(lytics.server().takeRequest().body()).isEqualTo(body);
        // input: a bare JSON string; must: be refused before sending
        assertThatThrownBy(() -> lytics.client().collect().jsonBody("s", "\"x\"".getBytes(StandardCharsets.UTF_8),
                CollectOptions.defaults())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("utf8Json");
        assertThat(lytics.server().requestCount()).isEqualTo(1);
    }

    @Test
    void csvFileIsStreamedChunkedWithItsOptions(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("users.csv");
        StringBuilder csv = new StringBuilder("email\tname\n");
        for (int i = 0; i < 20_000; i++) {
            csv.append("user").append(i).append("@example.org\tUser ").append(i).append('\n');
        }
        Files.writeString(file, csv);
        lytics.server().enqueue(StubResponse.json(200, "{\"status\":200,\"message\":\"success\",\"data\":{\"message_count\":20000,"
                + "\"rejected_count\":0}}"));

        CollectResult result = lytics.client().collect().csv("crm", file, CsvOptions.defaults().delimiter('\t').dropErrors(true)
                .timestampField("updated").filename("users.csv"));

        assertThat(result.messageCount()).isEqualTo(20_000);
        RecordedRequest r = lytics.server().takeRequest();
        assertThat(r.requestLine()).isEqualTo(
                "POST /collect/bulk/crm?delimiter=t&droperrors=true&timestamp_field=updated&filename=users%2Ecsv HTTP/1.1");
        assertThat(r.chunked()).isTrue();
        assertThat(r.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/csv"));
        assertThat(r.body()).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    void csvFromAnInputStreamWithHeadersAndDryRunLeavesTheStreamOpen() throws IOException {
        lytics.server().enqueue(StubResponse.json(200, LyticsFixtures.COLLECT_OK));
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream("a@example.org,Ann\n".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        lytics.client().collect().csv("crm", in, CsvOptions.defaults().headers(List.of("email", "name")).dryRun(true));

        RecordedRequest r = lytics.server().takeRequest();
        assertThat(r.requestLine()).isEqualTo("POST /collect/bulk/crm?headers=email,name&dryrun=true HTTP/1.1");
        assertThat(r.bodyText()).isEqualTo("a@example.org,Ann\n");
        assertThat(closed[0]).isFalse();
    }

    @Test
    void blankStreamOrNullEventFailFast() {
        // input: blank stream name, null event; must: fail naming the parameter, nothing sent
        assertThatThrownBy(() -> lytics.client().collect().json(" ", Map.of("a", 1), CollectOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stream");
        assertThatThrownBy(() -> lytics.client().collect().json("s", null, CollectOptions.defaults()))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("eventOrList");
        assertThat(lytics.server().requestCount()).isZero();
    }

    @Test
    void pathLikeStreamIsRefusedBeforeAnythingIsSent() {
        // input: stream ".." (a relative path segment once in /collect/json/{stream}) for a JSON post and a
        // bulk upload; must: IllegalArgumentException naming the stream rule, no request reaches the server
        assertThatThrownBy(() -> lytics.client().collect().json("..", Map.of("a", 1), CollectOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(StreamName.RULE);
        assertThatThrownBy(() -> lytics.client().collect().bulkJson("..", List.of(Map.of("a", 1)),
                CollectOptions.defaults())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stream");
        assertThat(lytics.server().requestCount()).isZero();
    }
}
