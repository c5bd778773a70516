package io.lytx.client.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.lytx.client.LyticsClient;
import io.lytx.client.error.LyticsApiException;
import io.lytx.client.error.LyticsBadRequestException;
import io.lytx.client.error.LyticsClientClosedException;
import io.lytx.client.error.LyticsConnectionException;
import io.lytx.client.error.LyticsPayloadTooLargeException;
import io.lytx.client.error.LyticsRateLimitException;
import io.lytx.client.error.LyticsResponseException;
import io.lytx.client.error.LyticsServerException;
import io.lytx.client.error.LyticsTimeoutException;
import io.lytx.client.error.LyticsUnauthorizedException;
import io.lytx.client.testing.LyticsFixtures;
import io.lytx.client.testing.RecordedRequest;
import io.lytx.client.testing.StubLyticsExtension;
import io.lytx.client.testing.StubResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code collect().jsonBody} (the collector's call) goes straight to Apache HttpClient instead of
 * through Jersey; it must keep every rule the Jersey path keeps: the raw token in
 * {@code Authorization} and never in a message, typed errors with Lytics' message and
 * {@code Retry-After}, the response limit without draining, no retry, no redirect, timeouts, the
 * shared connection pool, and {@code close()} cutting a call under way.
 */
class UploadPathTest {

    private static final String TOKEN = "at.up.TOPSECRETUPLOAD";
    private static final long SIX_MB = 6L * 1024 * 1024;
    private static final byte[] BATCH = "[{\"_e\":\"pv\",\"url\":\"example.org/a\"},{\"_e\":\"pv\"}]"
            .getBytes(StandardCharsets.UTF_8);

    @RegisterExtension
    final StubLyticsExtension lytics = new StubLyticsExtension(builder -> builder.token(TOKEN));

    private CollectResult upload() {
        return lytics.client().collect().jsonBody("web", BATCH, CollectOptions.defaults());
    }

    @Test
    void batchIsPostedWithTokenTypesAndOptionsAndCountsComeBack() {
        lytics.server().enqueue(StubResponse.json(200, LyticsFixtures.COLLECT_OK));

        CollectResult result = lytics.client().collect().jsonBody("web", BATCH,
                CollectOptions.defaults().dryRun(true).filename("orders.json"));

        assertThat(result).isEqualTo(new CollectResult(3, 1, true));
        RecordedRequest r = lytics.server().takeRequest();
        assertThat(r.requestLine()).isEqualTo("POST /collect/json/web?dryrun=true&filename=orders%2Ejson HTTP/1.1");
        assertThat(r.header("Authorization")).contains(TOKEN);
        assertThat(r.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(r.header("Accept")).contains("application/json");
        assertThat(r.header("Content-Length")).contains(String.valueOf(BATCH.length));
        assertThat(r.body()).isEqualTo(BATCH);
    }

    static Stream<Arguments> statuses() {
        return Stream.of(
                Arguments.of(400, "invalid json", LyticsBadRequestException.class),
                Arguments.of(401, "Not authorized", LyticsUnauthorizedException.class),
                Arguments.of(413, "Request too large", LyticsPayloadTooLargeException.class),
                Arguments.of(500, "internal error", LyticsServerException.class));
    }

    @ParameterizedTest(name = "HTTP {0}")
    @MethodSource("statuses")
    void errorStatusBecomesTheSameTypedExceptionAsOnJersey(int status, String message,
                                                           Class<? extends LyticsApiException> type) {
        lytics.server().enqueue(StubResponse.json(status, LyticsFixtures.error(status, message + " " + TOKEN)));

        LyticsApiException e = catchThrowableOfType(type, this::upload);

        assertThat(e.status()).isEqualTo(status);
        assertThat(e.lyticsMessage()).isEqualTo(message + " ***");
        assertThat(e.getMessage()).contains("POST /collect/json/{stream}").doesNotContain(TOKEN);
    }

    @Test
    void rateLimitCarriesRetryAfterAndIsNotRetried() {
        lytics.server().enqueue(StubResponse.json(429, LyticsFixtures.error(429, "slow down")).withHeader("Retry-After", "7"));

        assertThatThrownBy(this::upload).isInstanceOfSatisfying(LyticsRateLimitException.class,
                e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(7)));
        assertThat(lytics.server().requestCount()).isEqualTo(1);
    }

    @Test
    void oversizedAnswerIsRefusedAndItsConnectionDiscardedNotDrained() {
        // input: a 6 MB chunked success answer, then a 6 MB declared one; must: refuse both without
        // reading them whole, and open a new connection for the next call
        lytics.server().enqueue(StubResponse.largeJson(SIX_MB, false));
        lytics.server().enqueue(StubResponse.largeJson(SIX_MB, true));
        lytics.server().enqueue(StubResponse.json(200, LyticsFixtures.COLLECT_OK));

        assertThatThrownBy(this::upload).isInstanceOf(LyticsResponseException.class)
                .hasMessageContaining("over the limit of 5242880 bytes; reading stopped");
        assertThatThrownBy(this::upload).isInstanceOf(LyticsResponseException.class)
                .hasMessageContaining(SIX_MB + " bytes is over the limit of 5242880 bytes; not read");
        assertThat(upload().messageCount()).isEqualTo(3);

        assertThat(lytics.server().requests()).extracting(RecordedRequest::connectionId).doesNotHaveDuplicates();
    }

    @Test
    void oversizedErrorAnswerStillGivesItsStatus() {
        lytics.server().enqueue(StubResponse.largeJson(SIX_MB, false).withStatus(503).withHeader("Retry-After", "2"));

        assertThatThrownBy(this::upload).isInstanceOfSatisfying(LyticsServerException.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
        });
    }

    @Test
    void successAnswerThatIsNotJsonIsAResponseException() {
        lytics.server().enqueue(StubResponse.text(200, "<html>proxy says hi</html>", "text/html"));

        assertThatThrownBy(this::upload).isInstanceOf(LyticsResponseException.class).hasMessageContaining("is not JSON");
    }

    @Test
    void redirectIsNotFollowed() {
        // input: a 307 that would replay the batch, token included, to another host; must: stop there
        lytics.server().enqueue(StubResponse.empty(307).withHeader("Location", "http://127.0.0.1:1/steal"));

        assertThatThrownBy(this::upload).isInstanceOfSatisfying(LyticsApiException.class,
                e -> assertThat(e.status()).isEqualTo(307));
        assertThat(lytics.server().requestCount()).isEqualTo(1);
    }

    @Test
    void uploadsAndJerseyCallsShareOnePooledConnection() {
        for (int i = 0; i < 3; i++) {
            lytics.server().enqueue(StubResponse.json(200, LyticsFixtures.COLLECT_OK));
            upload();
            lytics.server().enqueue(StubResponse.json(200, LyticsFixtures.SEGMENT_LIST));
            lytics.client().segments().list("user", null);
        }

        assertThat(lytics.server().requests()).extracting(RecordedRequest::connectionId).containsOnly(1);
        assertThat(lytics.server().connectionCount()).isEqualTo(1);
    }

    @Test
    void refusedConnectionIsAConnectionExceptionWithoutTheToken() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (LyticsClient c = LyticsClient.builder().baseUri(URI.create("http://127.0.0.1:" + port)).token(TOKEN).build()) {
            assertThatThrownBy(() -> c.collect().jsonBody("web", BATCH, CollectOptions.defaults()))
                    .isInstanceOf(LyticsConnectionException.class).hasMessageNotContaining(TOKEN);
        }
    }

    @Test
    void hangingServerEndsAtTheReadTimeout() {
        lytics.server().enqueue(StubResponse.hang());
        try (LyticsClient c = LyticsClient.builder().baseUri(lytics.server().baseUri()).token(TOKEN)
                .readTimeout(Duration.ofMillis(300)).build()) {
            assertThatThrownBy(() -> c.collect().jsonBody("web", BATCH, CollectOptions.defaults()))
                    .isInstanceOf(LyticsTimeoutException.class);
        }
    }

    @Test
    void closeCutsAnUploadWaitingOnAHangingServer() {
        lytics.server().enqueue(StubResponse.hang());
        CompletableFuture<CollectResult> call = CompletableFuture.supplyAsync(this::upload);
        await().until(() -> lytics.server().requestCount() == 1);

        lytics.client().close();

        await().until(call::isDone);
        assertThatThrownBy(call::join).hasCauseInstanceOf(LyticsClientClosedException.class);
        assertThatThrownBy(this::upload).isInstanceOf(LyticsClientClosedException.class);
        assertThat(lytics.server().requestCount()).isEqualTo(1);
    }
}
