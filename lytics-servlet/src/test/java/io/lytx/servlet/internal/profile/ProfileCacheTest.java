package io.lytx.servlet.internal.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lytx.client.testing.StubResponse;
import io.lytx.servlet.ProfileStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The cache in front of Lytics: hits and misses, hard TTL, refresh ahead of expiry, negative caching
 * of new visitors, no caching of failures, single flight. Real HTTP to a loopback upstream; the
 * cache clock is a fake ticker, so no test waits for a TTL.
 */
class ProfileCacheTest {

    private static final LookupKey PAT = new LookupKey("_uid", "u_670591093815502600");
    /** Generous: these tests are about caching, not about the budget. */
    private static final Duration BUDGET = Duration.ofSeconds(5);
    private static final String ENTITY = "/api/entity/user/_uid/u_670591093815502600";

    private ProfileFixture fixture;
    private ProfileService service;

    @BeforeEach
    void start() throws Exception {
        fixture = new ProfileFixture();
        service = fixture.service(ProfileSettings.defaults().withBudget(BUDGET));
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    private ProfileResult lookup() {
        return service.profile(PAT, Deadline.after(BUDGET)).join();
    }

    private static String email(ProfileResult result) {
        return result.entity().fields().string("email").orElseThrow();
    }

    @Test
    void firstLookupCallsLyticsOnceAndTheNextIsAnsweredFromTheCache() {
        ProfileResult first = lookup();

        assertThat(first.status()).isEqualTo(ProfileStatus.KNOWN);
        assertThat(first.entity().segments()).containsExactly("all", "known_users", "us_visitors");
        assertThat(email(first)).isEqualTo("pat@example.org");
        assertThat(fixture.targets()).singleElement().asString().startsWith(ENTITY);

        CompletableFuture<ProfileResult> second = service.profile(PAT, Deadline.after(BUDGET));

        assertThat(second).as("a hit is answered before profile() returns").isDone();
        assertThat(second.join().entity()).isSameAs(first.entity());
        assertThat(fixture.calls(ENTITY)).isEqualTo(1);
        ProfileMetrics m = service.metrics();
        assertThat(m.hits()).isEqualTo(1);
        assertThat(m.misses()).isEqualTo(1);
        assertThat(m.loads()).isEqualTo(1);
        assertThat(m.loadFailures()).isZero();
        assertThat(m.loadLatencyMaxNanos()).isPositive();
        assertThat(m.cachedProfiles()).isEqualTo(1);
    }

    @Test
    void knownProfileIsFetchedAgainOnceItsTtlHasPassed() {
        lookup();
        fixture.ticker.advance(ProfileSettings.defaults().ttl().plusSeconds(1));

        CompletableFuture<ProfileResult> afterTtl = service.profile(PAT, Deadline.after(BUDGET));

        assertThat(afterTtl.join().status()).isEqualTo(ProfileStatus.KNOWN);
        assertThat(fixture.calls(ENTITY)).isEqualTo(2);
        assertThat(service.metrics().misses()).isEqualTo(2);
    }

    @Test
    void readAfterRefreshAgeServesTheCachedProfileAndRefreshesItInTheBackground() {
        fixture.answerAll(ProfileFixture.found("first@example.org"));
        lookup();
        fixture.answerAll(ProfileFixture.found("second@example.org"));
        fixture.ticker.advance(ProfileSettings.defaults().refreshAfter().plusSeconds(1));

        CompletableFuture<ProfileResult> stale = service.profile(PAT, Deadline.after(BUDGET));

        assertThat(stale).as("refresh ahead: the reader does not wait").isDone();
        assertThat(email(stale.join())).isEqualTo("first@example.org");
        await().atMost(Duration.ofSeconds(10)).until(() -> fixture.calls(ENTITY) == 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            CompletableFuture<ProfileResult> now = service.profile(PAT, Deadline.after(BUDGET));
            return now.isDone() && email(now.join()).equals("second@example.org");
        });
        assertThat(fixture.calls(ENTITY)).isEqualTo(2);
    }

    @Test
    void failedRefreshKeepsServingTheCachedProfileUntilItsHardExpiryThenReportsTheFailure() {
        lookup();
        fixture.answerAll(ProfileFixture.SERVER_ERROR);
        fixture.ticker.advance(Duration.ofSeconds(31));

        assertThat(lookup().status()).isEqualTo(ProfileStatus.KNOWN);
        await().atMost(Duration.ofSeconds(10)).until(() -> service.metrics().refreshFailures() == 1);
        assertThat(service.profile(PAT, Deadline.after(BUDGET)).join().status())
                .as("stale but within the hard expiry").isEqualTo(ProfileStatus.KNOWN);

        fixture.ticker.advance(Duration.ofSeconds(30));
        ProfileResult expired = lookup();

        assertThat(expired.status()).isEqualTo(ProfileStatus.UNAVAILABLE);
        assertThat(expired.reason()).isEqualTo("upstream HTTP 500");
        assertThat(fixture.calls(ENTITY)).isEqualTo(3);
    }

    @Test
    void newVisitorIsCachedOnlyForTheShortNegativeTtl() {
        fixture.answerAll(ProfileFixture.NOT_FOUND);

        ProfileResult first = lookup();
        CompletableFuture<ProfileResult> second = service.profile(PAT, Deadline.after(BUDGET));

        assertThat(first.status()).isEqualTo(ProfileStatus.NEW_VISITOR);
        assertThat(first.entity()).isNull();
        assertThat(second).isDone();
        assertThat(second.join().status()).isEqualTo(ProfileStatus.NEW_VISITOR);
        assertThat(fixture.calls(ENTITY)).isEqualTo(1);
        assertThat(service.metrics().hits()).as("the second lookup found the cached answer").isEqualTo(1);

        fixture.answerAll(ProfileFixture.FOUND);
        fixture.ticker.advance(ProfileSettings.defaults().negativeTtl().plusSeconds(1));

        assertThat(lookup().status()).as("the visitor became known in Lytics").isEqualTo(ProfileStatus.KNOWN);
        assertThat(fixture.calls(ENTITY)).isEqualTo(2);
    }

    @Test
    void lyticsTimedOutPlaceholderIsUnavailableAndNotCachedAsANewVisitor() {
        fixture.answerAll(StubResponse.json(200,
                "{\"status\":200,\"message\":\"Timed out\",\"data\":{\"segments\":[\"not_found\",\"all\"]}}"));

        ProfileResult result = lookup();
        lookup();

        assertThat(result.status()).isEqualTo(ProfileStatus.UNAVAILABLE);
        // the client reads Lytics' 200 "Timed out" as a LyticsTimeoutException: the same reason as any timeout
        assertThat(result.reason()).isEqualTo("timeout");
        assertThat(fixture.calls(ENTITY)).isEqualTo(2);
    }

    @Test
    void failuresAreNotCachedSoTheNextRequestAsksAgain() {
        fixture.answerAll(ProfileFixture.SERVER_ERROR);

        ProfileResult failed = lookup();

        assertThat(failed.status()).isEqualTo(ProfileStatus.UNAVAILABLE);
        assertThat(failed.reason()).isEqualTo("upstream HTTP 500");
        assertThat(failed.entity()).isNull();

        fixture.answerAll(ProfileFixture.FOUND);

        assertThat(lookup().status()).isEqualTo(ProfileStatus.KNOWN);
        assertThat(fixture.calls(ENTITY)).isEqualTo(2);
        assertThat(service.metrics().loadFailures()).isEqualTo(1);
    }

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "an HTML error page with status 200 | text/html        | <html><body>Bad gateway</body></html>",
            "JSON cut in the middle             | application/json | {\"status\":200,\"message\":\"success\",\"data\":{\"email\":",
            "a JSON array instead of an object  | application/json | [1,2,3]",
            "an empty body                      | application/json | ''",
    })
    void garbageFromUpstreamIsUnavailableAndNotCached(String what, String contentType, String body) {
        fixture.answerAll(StubResponse.text(200, body, contentType));

        ProfileResult result = lookup();

        assertThat(result.status()).as("upstream sent %s", what).isEqualTo(ProfileStatus.UNAVAILABLE);
        assertThat(result.reason()).as("upstream sent %s", what).isEqualTo("unreadable answer");
        lookup();
        assertThat(fixture.calls(ENTITY)).as("not cached").isEqualTo(2);
    }

    @Test
    void twoHundredConcurrentMissesForOneVisitorShareExactlyOneUpstreamCall() throws Exception {
        CompletableFuture<Void> release = new CompletableFuture<>();
        fixture.upstream.dispatcher(request -> ProfileFixture.whenReleased(release, ProfileFixture.FOUND));
        ExecutorService callers = Executors.newFixedThreadPool(32);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<CompletableFuture<ProfileResult>>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                calls.add(callers.submit(() -> {
                    go.await();
                    return service.profile(new LookupKey("_uid", "u_670591093815502600"),
                            Deadline.after(Duration.ofSeconds(30)));
                }));
            }
            go.countDown();
            List<CompletableFuture<ProfileResult>> pending = new ArrayList<>();
            for (Future<CompletableFuture<ProfileResult>> call : calls) {
                pending.add(call.get());
            }
            assertThat(pending).as("nobody is answered before the upstream answers")
                    .noneMatch(CompletableFuture::isDone);

            release.complete(null);

            assertThat(pending).extracting(f -> f.join().status()).containsOnly(ProfileStatus.KNOWN);
        } finally {
            release.complete(null);
            callers.shutdownNow();
        }
        assertThat(fixture.calls(ENTITY)).isEqualTo(1);
        assertThat(service.metrics().loads()).isEqualTo(1);
        assertThat(service.metrics().misses()).as("the first lookup found no entry and started the load").isEqualTo(1);
        assertThat(service.metrics().hits()).as("the other 199 found the load under way and shared it").isEqualTo(199);
    }
}
