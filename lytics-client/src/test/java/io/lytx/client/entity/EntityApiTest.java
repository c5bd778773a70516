package io.lytx.client.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.lytx.client.error.LyticsResponseException;
import io.lytx.client.error.LyticsTimeoutException;
import io.lytx.client.testing.LyticsFixtures;
import io.lytx.client.testing.RecordedRequest;
import io.lytx.client.testing.StubLyticsExtension;
import io.lytx.client.testing.StubResponse;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EntityApiTest {

    // a long client read timeout: the async tests prove their own short timeout cuts the call
    @RegisterExtension
    final StubLyticsExtension lytics = new StubLyticsExtension(builder -> builder.token("at.abc.s3cret")
            .readTimeout(Duration.ofSeconds(30)));

    @Test
    void foundProfileReadsStringNumbersBooleansMapsAndTimestamps() {
        lytics.server().enqueue(StubResponse.json(200, LyticsFixtures.ENTITY_FOUND));

        Entity e = lytics.client().entities().get(EntityQuery.by("email", "pat@example.org"));

        assertThat(e.status()).isEqualTo(EntityStatus.FOUND);
        assertThat(e.found()).isTrue();
        assertThat(e.segments()).containsExactly("all", "known_users", "us_visitors");
        assertThat(e.segmentIds()).containsExactly("3f2a9c0e5b7d4e1f8a6b2c3d4e5f6a7b", "9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e");
        ProfileFields f = e.fields();
        assertThat(f.longValue("visitct")).hasValue(17);
        assertThat(f.number("score_intensity")).hasValue(61.0);
        assertThat(f.bool("app_ismobile")).contains(true);
        assertThat(f.string("country")).contains("US");
        assertThat(f.instant("app_lastvisit_ts")).contains(Instant.parse("2024-05-01T12:00:00Z"));
        assertThat(f.instant("last_msg_ts")).contains(Instant.ofEpochMilli(1714564800000L));
        assertThat(f.map("hourly")).containsEntry("9", "3").containsEntry("14", "8");
        assertThat(f.strings("_uids")).containsExactly("u_481516234200000001", "u_481516234200000002");
        assertThat(e.meta()).contains(new EntityMeta("user", "json", List.of("user_id", "email", "_uids")));
    }

    @Test
    void unknownVisitorAnsweredWith200NotFoundIsNotFoundNotAnError() {
        lytics.server().enqueue(StubResponse.json(200, LyticsFixtures.ENTITY_NOT_FOUND));

        Entity e = lytics.client().entities().get(EntityQuery.by("_uid", "u_never_seen"));

        assertThat(e.status()).isEqualTo(EntityStatus.NOT_FOUND);
        assertThat(e.message()).isEqualTo("Not Found");
        assertThat(e.segments()).containsExactly("not_found", "all");
        assertThat(e.fields().asMap()).isEmpty();
    }

    @Test
    void successAnswerWhoseDataIsNotAProfileObjectIsRefusedNotTakenAsAnEmptyProfile() {
        // input: HTTP 200 "success" whose data is an array; must hold: a LyticsResponseException, never FOUND with no fields
        lytics.server().enqueue(StubResponse.json(200, "{\"data\":[1,2,3],\"message\":\"success\",\"status\":200}"));

        assertThatThrownBy(() -> lytics.client().entities().get(EntityQuery.by("_uid", "u_1")))
                .isInstanceOf(LyticsResponseException.class)
                .hasMessageContaining("not a profile object");
    }

    @Test
    void stringStatusInTheEnvelopeIsAccepted() {
        lytics.server().enqueue(StubResponse.json(200, LyticsFixtures.ENTITY_STRING_STATUS));

        Entity e = lytics.client().entities().get(EntityQuery.by("email", "sam@example.org"));

        assertThat(e.status()).isEqualTo(EntityStatus.FOUND);
        assertThat(e.fields().longValue("visitct")).hasValue(4);
        assertThat(e.fields().raw("visitct")).isEqualTo(new BigDecimal("4"));
    }

    @Test
    void requestCarriesRawTokenEncodedPathAndCanonicalQuery() {
        lytics.server().enqueue(StubResponse.json(200, LyticsFixtures.ENTITY_FOUND));

        lytics.client().entities().get(EntityQuery.by("email", "pat@example.org").table("user")
                .fields(List.of("email", "visitct")).segments(true).meta(false));

        RecordedRequest r = lytics.server().takeRequest();
        assertThat(r.requestLine()).isEqualTo(
                "GET /api/entity/user/email/pat%40example%2Eorg?fields=email,visitct&segments=true&meta=false HTTP/1.1");
        assertThat(r.header("Authorization")).contains("at.abc.s3cret");
        assertThat(r.header("Accept")).hasValueSatisfying(v -> assertThat(v).contains("application/json"));
    }

    @Test
    void asyncLookupCompletesWithTheEntity() throws Exception {
        lytics.server().enqueue(StubResponse.json(200, LyticsFixtures.ENTITY_FOUND));

        Entity e = lytics.client().entities().getAsync(EntityQuery.by("_uid", "u_1"), Duration.ofSeconds(5))
                .toCompletableFuture().get();

        assertThat(e.segments()).contains("known_users");
    }

    @Test
    void asyncLookupAgainstAHangingServerEndsAtItsTimeoutAndClosesTheConnection() {
        warmUp();
        lytics.server().enqueue(StubResponse.hang());
        Duration timeout = Duration.ofMillis(300);

        long start = System.nanoTime();
        CompletableFuture<Entity> f = lytics.client().entities().getAsync(EntityQuery.by("_uid", "u_1"), timeout)
                .toCompletableFuture();
        assertThatThrownBy(f::get).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(LyticsTimeoutException.class);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isBetween(timeout.minusMillis(5), timeout.plusSeconds(2));
        // the deadline may fire before the request leaves a busy machine; a request that did arrive must be cut
        await().atMost(Duration.ofSeconds(5)).until(() -> lytics.server().clientClosedTheConnectionsOfRequestsFrom(1));
    }

    @Test
    void asyncLookupWhoseBodyStallsMidwayEndsAtItsTimeoutAndClosesTheConnection() {
        warmUp();
        lytics.server().enqueue(StubResponse.stallAfter("{\"status\":200,\"message\":\"success\",\"data\":{\"email\":"));
        Duration timeout = Duration.ofMillis(300);

        long start = System.nanoTime();
        CompletableFuture<Entity> f = lytics.client().entities().getAsync(EntityQuery.by("_uid", "u_1"), timeout)
                .toCompletableFuture();
        assertThatThrownBy(f::get).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(LyticsTimeoutException.class);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isBetween(timeout.minusMillis(5), timeout.plusSeconds(2));
        // the deadline may fire before the request leaves a busy machine; a request that did arrive must be cut
        await().atMost(Duration.ofSeconds(5)).until(() -> lytics.server().clientClosedTheConnectionsOfRequestsFrom(1));
    }

    @Test
    void slowAnswerWithinTheTimeoutIsReturnedAndOnePastItIsCut() throws Exception {
        warmUp();
        lytics.server().enqueue(StubResponse.json(200, LyticsFixtures.ENTITY_FOUND).withDelay(Duration.ofMillis(100)));
        lytics.server().enqueue(StubResponse.json(200, LyticsFixtures.ENTITY_FOUND).withDelay(Duration.ofSeconds(20)));

        long start = System.nanoTime();
        Entity slow = lytics.client().entities().getAsync(EntityQuery.by("_uid", "u_1"), Duration.ofSeconds(5))
                .toCompletableFuture().get();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(slow.found()).isTrue();

        CompletableFuture<Entity> tooSlow = lytics.client().entities().getAsync(EntityQuery.by("_uid", "u_2"),
                Duration.ofMillis(200)).toCompletableFuture();
        assertThatThrownBy(tooSlow::get).hasCauseInstanceOf(LyticsTimeoutException.class);
        // the deadline may fire before the request leaves a busy machine; a request that did arrive must be cut
        await().atMost(Duration.ofSeconds(5)).until(() -> lytics.server().clientClosedTheConnectionsOfRequestsFrom(2));
    }

    /** One full call first, so that class loading cannot eat the short deadlines below. */
    private void warmUp() {
        lytics.server().enqueue(StubResponse.json(200, LyticsFixtures.ENTITY_NOT_FOUND));
        lytics.client().entities().get(EntityQuery.by("_uid", "warm-up"));
    }

    @Test
    void nullOrBlankArgumentsFailFastNamingTheParameter() {
        // input: null field / blank value / null query / null timeout; must: fail before any request
        assertThatThrownBy(() -> EntityQuery.by(null, "x")).isInstanceOf(NullPointerException.class).hasMessageContaining("field");
        assertThatThrownBy(() -> EntityQuery.by("email", "  ")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("value");
        assertThatThrownBy(() -> lytics.client().entities().get(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("query");
        assertThatThrownBy(() -> lytics.client().entities().getAsync(EntityQuery.by("a", "b"), null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("timeout");
        assertThat(lytics.server().requestCount()).isZero();
    }
}
