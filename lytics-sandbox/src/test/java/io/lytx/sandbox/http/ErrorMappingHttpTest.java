package io.lytx.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.lytx.sandbox.SandboxExtension;
import io.lytx.sandbox.SandboxHttp;
import io.lytx.sandbox.SandboxOptions;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every error answered in the Lytics envelope, over real HTTP. */
class ErrorMappingHttpTest {

    @RegisterExtension
    static final SandboxExtension lytics = new SandboxExtension(SandboxOptions.defaults().withDemoData(false));

    private static void assertEnvelope(SandboxHttp.Reply r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        Map<String, Object> json = r.json();
        assertThat(json.keySet()).containsExactlyInAnyOrder("data", "message", "status");
        assertThat(json.get("data")).isNull();
        assertThat(json.get("status")).isEqualTo(new BigDecimal(status));
        assertThat((String) json.get("message")).isNotBlank();
    }

    @Test
    void unknownRouteIs404NamingIt() {
        SandboxHttp.Reply r = lytics.admin().get("/api/nothing/here?x=1");
        assertEnvelope(r, 404);
        assertThat(r.message()).isEqualTo("Not Found: no API route GET /api/nothing/here");
    }

    @Test
    void wrongMethodIs405() {
        SandboxHttp.Reply r = lytics.admin().send("PATCH", "/api/user", "application/json", "{}");
        assertEnvelope(r, 405);
        assertThat(r.message()).contains("PATCH").contains("/api/user");
    }

    @Test
    void wrongContentTypeIs415() {
        SandboxHttp.Reply r = lytics.admin().send("PUT", "/api/account/setting/api_ip_whitelist", "application/xml", "<a/>");
        assertEnvelope(r, 415);
        assertThat(r.message()).contains("application/xml");
    }

    @Test
    void unacceptableAcceptIs406() {
        SandboxHttp.Reply r = lytics.admin().send("GET", "/api/user", null, null, Map.of("Accept", "text/csv"));
        assertThat(r.status()).isEqualTo(406);
        assertThat(r.body()).contains("\"status\":406");
    }

    @Test
    void malformedJsonIs400WithLineAndColumn() {
        // input: a broken value on line 3 -> 400 naming line 3
        SandboxHttp.Reply r = lytics.admin().putJson("/api/account/setting/private_fields", "[\n\"email\",\n  nope\n]");
        assertEnvelope(r, 400);
        assertThat(r.message()).startsWith("malformed JSON at line 3, column");
    }

    @Test
    void aCollectBodyDeclaredOver10MbIs413BeforeItIsRead() {
        byte[] body = new byte[(int) BodyLimitFilter.COLLECT_LIMIT + 1];
        Arrays.fill(body, (byte) ' ');
        body[0] = '[';
        body[body.length - 1] = ']';
        HttpRequest req = HttpRequest.newBuilder(lytics.sandbox().baseUri().resolve("collect/json/big"))
                .header("Authorization", lytics.sandbox().adminToken()).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        SandboxHttp.Reply r = lytics.admin().send(req);
        assertEnvelope(r, 413);
        assertThat(r.message()).contains("10 MB").contains("/collect/json/big");
    }

    @Test
    void aChunkedCollectBodyOver10MbIs413AndStoresNothing() {
        // input: a valid JSON array of small events streamed without Content-Length, 11 MB long
        String event = "{\"_uid\":\"u_big\",\"pad\":\"" + "x".repeat(1000) + "\"},";
        int count = (int) (BodyLimitFilter.COLLECT_LIMIT / event.length()) + 1000;
        List<InputStream> parts = new java.util.ArrayList<>();
        parts.add(new ByteArrayInputStream("[".getBytes(StandardCharsets.UTF_8)));
        byte[] one = event.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < count; i++) {
            parts.add(new ByteArrayInputStream(one));
        }
        parts.add(new ByteArrayInputStream("{\"_uid\":\"u_big\"}]".getBytes(StandardCharsets.UTF_8)));
        HttpRequest req = HttpRequest.newBuilder(lytics.sandbox().baseUri().resolve("collect/json/big"))
                .header("Authorization", lytics.sandbox().adminToken()).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new SequenceInputStream(Collections.enumeration(parts)))).build();
        SandboxHttp.Reply r = lytics.admin().send(req);
        assertEnvelope(r, 413);
        assertThat(lytics.admin().get("/api/entity/user/_uid/u_big").message()).isEqualTo("Not Found");
    }

    @Test
    void anHttp2UpgradeOfferWithABodyIsAnsweredAsHttp11() throws Exception {
        // input: java.net.http's default request: HTTP/1.1 with "Upgrade: h2c" and a body -> plain answer
        HttpClient h2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpRequest req = HttpRequest.newBuilder(lytics.sandbox().baseUri().resolve("api/account/setting/private_fields"))
                .header("Authorization", lytics.sandbox().adminToken()).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.ofString("[\"email\"]")).build();
        HttpResponse<String> r = h2.send(req, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(r.body()).contains("\"value\":[\"email\"]");
    }
}
