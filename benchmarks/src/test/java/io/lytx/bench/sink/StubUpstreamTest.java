package io.lytx.bench.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stub sink counts exactly the events posted to it, over a real loopback socket. */
class StubUpstreamTest {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private StubUpstream stub;

    @BeforeEach
    void start() throws Exception {
        stub = StubUpstream.start(2);
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(stub.baseUri().resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void countsLyticsEventsAcrossReadBufferBoundaries() throws Exception {
        // 3,000 events of ~60 bytes: about 180 KB, so markers straddle the 64 KB read buffer
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < 3_000; i++) {
            body.append(i == 0 ? "" : ",").append("{\"_eid\":\"").append(i).append("\",\"url\":\"x\\\"_eid\\\"y\"}");
        }
        HttpResponse<String> response = post("collect/json/default", body.append(']').toString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"message_count\":3000");
        // the escaped text \"_eid\" inside a value is not a field name: only 3,000 are counted
        assertThat(stub.lyticsEvents()).isEqualTo(3_000);
        assertThat(stub.segmentEvents()).isZero();
    }

    @Test
    void answersSegmentsBatchEndpointAndCountsItsMessages() throws Exception {
        HttpResponse<String> response = post("v1/import/",
                "{\"batch\":[{\"type\":\"page\",\"messageId\":\"a\"},{\"type\":\"page\",\"messageId\":\"b\"}]}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"success\":true}");
        assertThat(stub.segmentEvents()).isEqualTo(2);
        assertThat(stub.lyticsEvents()).isZero();
        assertThat(stub.batches()).isEqualTo(1);
    }

    @Test
    void logsEachBatchPostWithItsEventsAndBytes() throws Exception {
        // input: two Segment batches (2 and 1 messages) and one Lytics batch (1 event)
        String two = "{\"batch\":[{\"messageId\":\"a\"},{\"messageId\":\"b\"}]}";
        String one = "{\"batch\":[{\"messageId\":\"c\"}]}";
        post("v1/import/", two);
        post("v1/import/", one);
        post("collect/json/default", "[{\"_eid\":\"1\"}]");

        // must hold: each kind's log counts its own requests, events and body bytes, and has times
        assertThat(stub.segmentPosts().requests()).isEqualTo(2);
        assertThat(stub.segmentPosts().events()).isEqualTo(3);
        assertThat(stub.segmentPosts().bytes()).isEqualTo(two.length() + one.length());
        assertThat(stub.lyticsPosts().requests()).isEqualTo(1);
        assertThat(stub.segmentPosts().summary()).startsWith("segment requests=2 events=3 events/request=1.5")
                .contains("body ms: mean=");
    }

    @Test
    void heldPostsWaitUntilReleasedWhileLookupsAreAnswered() throws Exception {
        // input: POSTs held, one Segment batch of 2 sent, then a profile lookup, then the release
        stub.holdPosts();
        java.util.concurrent.CompletableFuture<HttpResponse<String>> held = http.sendAsync(
                HttpRequest.newBuilder(stub.baseUri().resolve("v1/import/")).POST(HttpRequest.BodyPublishers.ofString(
                        "{\"batch\":[{\"messageId\":\"a\"},{\"messageId\":\"b\"}]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        org.awaitility.Awaitility.await().until(() -> stub.postsWaiting() == 1);

        // must hold: the batch is not counted while held; a lookup is still answered
        HttpResponse<String> lookup = http.send(HttpRequest.newBuilder(
                stub.baseUri().resolve("api/entity/user/_uids/abc")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(lookup.statusCode()).isEqualTo(200);
        assertThat(stub.segmentEvents()).isZero();
        assertThat(held).isNotDone();

        // must hold: released, the batch is answered and counted
        stub.releasePosts();
        assertThat(held.get().statusCode()).isEqualTo(200);
        assertThat(stub.segmentEvents()).isEqualTo(2);
        assertThat(stub.postsWaiting()).isZero();
    }

    @Test
    void answersProfileLookupsWithAKnownProfile() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                stub.baseUri().resolve("api/entity/user/_uids/abc")).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"message\":\"success\"", "\"vip\"");
        assertThat(stub.entityCalls()).isEqualTo(1);
    }
}
