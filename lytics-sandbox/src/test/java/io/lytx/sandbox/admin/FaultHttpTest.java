package io.lytx.sandbox.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lytx.sandbox.SandboxExtension;
import io.lytx.sandbox.SandboxHttp;
import io.lytx.sandbox.SandboxOptions;
import io.lytx.sandbox.http.ApiError;
import io.lytx.sandbox.http.JsonInput;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Fault injection per route, over real HTTP. */
class FaultHttpTest {

    private static final String ROUTE = "GET /api/account/{id}";
    @RegisterExtension
    static final SandboxExtension lytics = new SandboxExtension(SandboxOptions.defaults().withDemoData(false));

    @BeforeEach
    void clear() {
        assertThat(lytics.admin().delete("/_sandbox/faults").status()).isEqualTo(204);
    }

    private static void put(String json) {
        SandboxHttp.Reply r = lytics.admin().putJson("/_sandbox/faults", json);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @Test
    void addedLatencyDelaysTheAnswer() {
        put("{\"route\":\"" + ROUTE + "\",\"latency_ms\":400}");
        long start = System.nanoTime();
        assertThat(lytics.admin().get("/api/account/current").status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        // other routes are not delayed by this fault
        assertThat(lytics.admin().get("/api/user").status()).isEqualTo(200);
    }

    @Test
    void anErrorStatusAtRateOneAlwaysFailsWithTheEnvelopeAndRetryAfter() {
        put("{\"route\":\"" + ROUTE + "\",\"status\":429,\"retry_after\":\"7\"}");
        for (int i = 0; i < 5; i++) {
            SandboxHttp.Reply r = lytics.admin().get("/api/account/current");
            assertThat(r.status()).isEqualTo(429);
            assertThat(r.message()).isEqualTo("injected fault: status 429 on " + ROUTE);
            assertThat(r.header("Retry-After")).isEqualTo("7");
        }
        assertThat(lytics.admin().get("/api/account").status()).isEqualTo(200);
    }

    @Test
    void anErrorRateFailsAboutThatShareOfCalls() {
        put("{\"route\":\"* /api/user\",\"status\":503,\"rate\":0.5}");
        int failed = 0;
        for (int i = 0; i < 200; i++) {
            int s = lytics.admin().get("/api/user").status();
            assertThat(s).isIn(200, 503);
            failed += s == 503 ? 1 : 0;
        }
        // binomial(200, 0.5): outside 60..140 has a probability below 1e-8
        assertThat(failed).isBetween(60, 140);
        put("{\"route\":\"* /api/user\",\"status\":503,\"rate\":0}");
        assertThat(lytics.admin().get("/api/user").status()).isEqualTo(200);
    }

    @Test
    void aMalformedBodyFaultAnswers200WithTruncatedJson() {
        put("{\"route\":\"" + ROUTE + "\",\"malformed\":true}");
        SandboxHttp.Reply r = lytics.admin().get("/api/account/current");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(FaultFilter.MALFORMED_BODY);
        Assertions.assertThatThrownBy(() -> JsonInput.parse(r.body())).isInstanceOf(ApiError.class);
    }

    @Test
    void aHangHoldsTheRequestUntilTheFaultIsCleared() {
        put("{\"route\":\"" + ROUTE + "\",\"hang\":true}");
        HttpRequest req = HttpRequest.newBuilder(lytics.sandbox().baseUri().resolve("api/account/current"))
                .header("Authorization", lytics.sandbox().adminToken()).build();
        CompletableFuture<HttpResponse<String>> pending = lytics.admin().client().sendAsync(req, HttpResponse.BodyHandlers.ofString());
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> !pending.isDone());
        assertThat(lytics.admin().delete("/_sandbox/faults?route=" + java.net.URLEncoder.encode(ROUTE,
                java.nio.charset.StandardCharsets.UTF_8)).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).until(pending::isDone);
        assertThat(pending.join().statusCode()).isEqualTo(200);
    }

    @Test
    void aHangEndsWith504AfterItsLimit() throws Exception {
        put("{\"route\":\"" + ROUTE + "\",\"hang\":true,\"hang_ms\":300}");
        HttpRequest req = HttpRequest.newBuilder(lytics.sandbox().baseUri().resolve("api/account/current"))
                .header("Authorization", lytics.sandbox().adminToken()).build();
        HttpResponse<String> r = lytics.admin().client().sendAsync(req, HttpResponse.BodyHandlers.ofString()).get(30, TimeUnit.SECONDS);
        assertThat(r.statusCode()).isEqualTo(504);
        assertThat(r.body()).contains("timed out after 300 ms");
    }

    @Test
    void faultsAreListedAndClearedOneByOne() {
        put("{\"route\":\"" + ROUTE + "\",\"latency_ms\":1}");
        put("{\"route\":\"* /api/user\",\"status\":500}");
        List<Object> listed = lytics.admin().get("/_sandbox/faults").dataList();
        assertThat(listed).hasSize(2);
        assertThat(lytics.admin().delete("/_sandbox/faults?route=*%20/api/user").status()).isEqualTo(204);
        assertThat(lytics.admin().get("/_sandbox/faults").dataList()).hasSize(1);
        assertThat(lytics.admin().get("/api/user").status()).isEqualTo(200);
        // input: clearing a route that has no fault -> 404
        assertThat(lytics.admin().delete("/_sandbox/faults?route=*%20/api/user").status()).isEqualTo(404);
    }

    @Test
    void theSandboxEndpointsAreNeverFaulted() {
        put("{\"route\":\"GET /_sandbox/stats\",\"status\":500}");
        assertThat(lytics.admin().get("/_sandbox/stats").status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no route|{\"status\":500}|fault field \"route\" must be",
            "route without method|{\"route\":\"/api/user\",\"status\":500}|fault field \"route\" must be",
            "success status|{\"route\":\"* /api/user\",\"status\":200}|must be 400..599",
            "rate above one|{\"route\":\"* /api/user\",\"status\":500,\"rate\":2}|\"rate\" must be a number in 0..1",
            "negative latency|{\"route\":\"* /api/user\",\"latency_ms\":-5}|\"latency_ms\" must be a number",
            "hang as text|{\"route\":\"* /api/user\",\"hang\":\"yes\"}|\"hang\" must be true or false",
            "unknown field|{\"route\":\"* /api/user\",\"status\":500,\"sometimes\":true}|unknown fault field \"sometimes\"",
            "no effect|{\"route\":\"* /api/user\"}|needs at least one of",
            "malformed|{\"route\":|malformed JSON at line 1"})
    void badFaultsAreRefusedAndChangeNothing(String what, String body, String message) {
        SandboxHttp.Reply r = lytics.admin().putJson("/_sandbox/faults", body);
        assertThat(r.status()).as(what).isEqualTo(400);
        assertThat(r.message()).as(what).contains(message);
        assertThat(lytics.admin().get("/_sandbox/faults").dataList()).as(what).isEmpty();
    }
}
