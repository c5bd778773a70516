package io.lytx.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.lytx.client.error.LyticsApiException;
import io.lytx.client.error.LyticsBadRequestException;
import io.lytx.client.error.LyticsConflictException;
import io.lytx.client.error.LyticsConnectionException;
import io.lytx.client.error.LyticsForbiddenException;
import io.lytx.client.error.LyticsNotFoundException;
import io.lytx.client.error.LyticsPayloadTooLargeException;
import io.lytx.client.error.LyticsRateLimitException;
import io.lytx.client.error.LyticsResponseException;
import io.lytx.client.error.LyticsServerException;
import io.lytx.client.error.LyticsTimeoutException;
import io.lytx.client.error.LyticsUnauthorizedException;
import io.lytx.client.error.LyticsUnprocessableException;
import io.lytx.client.segment.Segment;
import io.lytx.client.testing.LyticsFixtures;
import io.lytx.client.testing.StubLyticsExtension;
import io.lytx.client.testing.StubResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorMappingTest {

    private static final String TOKEN = "at.a1b2.TOPSECRETVALUE";
    private static final Instant NOW = Instant.parse("2026-11-27T20:00:00Z");

    @RegisterExtension
    final StubLyticsExtension lytics = new StubLyticsExtension(builder -> builder.token(TOKEN)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC)));

    static Stream<Arguments> statuses() {
        return Stream.of(
                Arguments.of(400, "Failed parsing segment QL", LyticsBadRequestException.class),
                Arguments.of(401, "Not authorized", LyticsUnauthorizedException.class),
                Arguments.of(403, "Not authorized", LyticsForbiddenException.class),
                Arguments.of(404, "Segment not found", LyticsNotFoundException.class),
                Arguments.of(409, "Slug is already used.", LyticsConflictException.class),
                Arguments.of(413, "Request too large", LyticsPayloadTooLargeException.class),
                Arguments.of(422, "Unprocessable", LyticsUnprocessableException.class),
                Arguments.of(429, "Too many requests", LyticsRateLimitException.class),
                Arguments.of(500, "internal error", LyticsServerException.class),
                Arguments.of(503, "unavailable", LyticsServerException.class));
    }

    @ParameterizedTest(name = "HTTP {0}")
    @MethodSource("statuses")
    void errorStatusBecomesTypedExceptionWithStatusAndLyticsMessage(int status, String message,
                                                                     Class<? extends LyticsApiException> type) {
        lytics.server().enqueue(StubResponse.json(status, LyticsFixtures.error(status, message)));

        LyticsApiException e = catchThrowableOfType(type, () -> lytics.client().segments().get("frequent_visitors"));

        assertThat(e.status()).isEqualTo(status);
        assertThat(e.lyticsMessage()).isEqualTo(message);
        assertThat(e.getMessage()).contains("GET /api/segment/{idOrSlug}").contains(String.valueOf(status))
                .doesNotContain("frequent_visitors").doesNotContain(TOKEN);
    }

    @Test
    void v2ErrorBodyGivesTheFirstErrorMessage() {
        lytics.server().enqueue(StubResponse.json(400, "{\"status\":400,\"errors\":[{\"code\":\"BADREQ-001\",\"message\":\"bad slug\","
                + "\"level\":\"warn\"}],\"request_id\":\"r1\"}"));

        assertThatThrownBy(() -> lytics.client().tokens().list()).isInstanceOfSatisfying(LyticsBadRequestException.class,
                e -> assertThat(e.lyticsMessage()).isEqualTo("bad slug"));
    }

    @Test
    void rateLimitWithRetryAfterSecondsIsParsed() {
        lytics.server().enqueue(StubResponse.json(429, LyticsFixtures.error(429, "slow down")).withHeader("Retry-After", "7"));

        LyticsRateLimitException e = catchThrowableOfType(LyticsRateLimitException.class,
                () -> lytics.client().segments().sizeOf("FILTER *"));

        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void rateLimitWithRetryAfterHttpDateIsMeasuredFromTheClock() {
        lytics.server().enqueue(StubResponse.json(429, LyticsFixtures.error(429, "slow down"))
                .withHeader("Retry-After", "Fri, 27 Nov 2026 20:01:30 GMT"));

        LyticsRateLimitException e = catchThrowableOfType(LyticsRateLimitException.class,
                () -> lytics.client().segments().sizeOf("FILTER *"));

        assertThat(e.retryAfter()).contains(Duration.ofSeconds(90));
    }

    @Test
    void rateLimitWithoutOrWithGarbageRetryAfterHasNone() {
        // input: no header, then "soon"; must: retryAfter empty, and exactly one request each (no hidden retry)
        lytics.server().enqueue(StubResponse.json(429, LyticsFixtures.error(429, "slow down")));
        lytics.server().enqueue(StubResponse.json(429, LyticsFixtures.error(429, "slow down")).withHeader("Retry-After", "soon"));

        for (int i = 0; i < 2; i++) {
            LyticsRateLimitException e = catchThrowableOfType(LyticsRateLimitException.class,
                    () -> lytics.client().segments().sizeOf("FILTER *"));
            assertThat(e.retryAfter()).isEmpty();
        }
        assertThat(lytics.server().requestCount()).isEqualTo(2);
    }

    @Test
    void serviceUnavailableWithRetryAfterSecondsIsParsed() {
        // input: 503 with "Retry-After: 12"; must: LyticsServerException with status 503 and a 12 s wait
        lytics.server().enqueue(StubResponse.json(503, LyticsFixtures.error(503, "maintenance")).withHeader("Retry-After", "12"));

        LyticsServerException e = catchThrowableOfType(LyticsServerException.class,
                () -> lytics.client().segments().list(null, null));

        assertThat(e.status()).isEqualTo(503);
        assertThat(e.lyticsMessage()).isEqualTo("maintenance");
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(12));
    }

    @Test
    void serviceUnavailableWithRetryAfterHttpDateIsMeasuredFromTheClock() {
        // input: 503 with an HTTP-date 45 s after the client's clock; must: a 45 s wait
        lytics.server().enqueue(StubResponse.json(503, LyticsFixtures.error(503, "maintenance"))
                .withHeader("Retry-After", "Fri, 27 Nov 2026 20:00:45 GMT"));

        LyticsServerException e = catchThrowableOfType(LyticsServerException.class,
                () -> lytics.client().segments().list(null, null));

        assertThat(e.retryAfter()).contains(Duration.ofSeconds(45));
    }

    @Test
    void serverErrorWithoutOrWithGarbageRetryAfterHasNone() {
        // input: a 500 without the header, then a 503 with "later"; must: retryAfter empty on both
        lytics.server().enqueue(StubResponse.json(500, LyticsFixtures.error(500, "internal")));
        lytics.server().enqueue(StubResponse.json(503, LyticsFixtures.error(503, "busy")).withHeader("Retry-After", "later"));

        for (int status : new int[] {500, 503}) {
            LyticsServerException e = catchThrowableOfType(LyticsServerException.class,
                    () -> lytics.client().segments().list(null, null));
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.retryAfter()).isEmpty();
        }
    }

    @Test
    void successBodyThatIsNotJsonIsAResponseException() {
        lytics.server().enqueue(StubResponse.text(200, "<html>maintenance</html>", "text/html"));

        assertThatThrownBy(() -> lytics.client().segments().list(null, null)).isInstanceOf(LyticsResponseException.class)
                .hasMessageContaining("not JSON");
    }

    @Test
    void errorBodyThatIsNotJsonStillGivesTheStatusAndText() {
        lytics.server().enqueue(StubResponse.text(502, "<html>Bad gateway</html>", "text/html"));

        assertThatThrownBy(() -> lytics.client().segments().list(null, null)).isInstanceOfSatisfying(LyticsServerException.class,
                e -> {
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.lyticsMessage()).isEqualTo("<html>Bad gateway</html>");
                });
    }

    @Test
    void tokenEchoedByTheServerIsRedactedFromTheMessage() {
        lytics.server().enqueue(StubResponse.json(401, LyticsFixtures.error(401, "token " + TOKEN + " expired")));

        Throwable e = catchThrowableOfType(LyticsUnauthorizedException.class, () -> lytics.client().accounts().current());

        assertThat(e.getMessage()).doesNotContain(TOKEN).contains("token *** expired");
    }

    @Test
    void refusedConnectionIsAConnectionException() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (LyticsClient c = LyticsClient.builder().baseUri(URI.create("http://127.0.0.1:" + port)).token(TOKEN).build()) {
            assertThatThrownBy(() -> c.accounts().current()).isInstanceOf(LyticsConnectionException.class)
                    .hasMessageNotContaining(TOKEN);
        }
    }

    @Test
    void blockingCallAgainstAHangingServerEndsAtTheReadTimeout() {
        lytics.server().enqueue(StubResponse.hang());
        try (LyticsClient c = LyticsClient.builder().baseUri(lytics.server().baseUri()).token(TOKEN)
                .readTimeout(Duration.ofMillis(300)).build()) {
            assertThatThrownBy(() -> c.segments().get("x")).isInstanceOf(LyticsTimeoutException.class);
        }
        assertThat(lytics.server().takeRequest().path()).isEqualTo("/api/segment/x");
    }

    @Test
    void redirectIsNotFollowedAndIsAnApiError() {
        // input: a 302 to another host (Lytics never redirects API calls); must: not follow it, carrying the token
        lytics.server().enqueue(StubResponse.empty(302).withHeader("Location", "http://127.0.0.1:1/steal"));

        assertThatThrownBy(() -> lytics.client().segments().list(null, null)).isInstanceOfSatisfying(LyticsApiException.class,
                e -> assertThat(e.status()).isEqualTo(302));
        assertThat(lytics.server().requestCount()).isEqualTo(1);
    }

    @Test
    void deleteAnswered204IsSuccess() {
        lytics.server().enqueue(StubResponse.empty(204));

        lytics.client().segments().delete("5d0c1e2f3a4b5c6d7e8f9a0b1c2d3e4f");

        assertThat(lytics.server().takeRequest().requestLine()).isEqualTo("DELETE /api/segment/5d0c1e2f3a4b5c6d7e8f9a0b1c2d3e4f HTTP/1.1");
    }

    @Test
    void noAutomaticRetryOn503() {
        lytics.server().enqueue(StubResponse.json(503, LyticsFixtures.error(503, "busy")).withHeader("Retry-After", "1"));
        lytics.server().enqueue(StubResponse.json(200, LyticsFixtures.SEGMENT_LIST));

        assertThatThrownBy(() -> lytics.client().segments().list(null, null)).isInstanceOf(LyticsServerException.class);
        assertThat(lytics.server().requestCount()).isEqualTo(1);
        assertThat(lytics.client().segments().list(null, null)).extracting(Segment::slugName).containsExactly("frequent_visitors");
    }
}
