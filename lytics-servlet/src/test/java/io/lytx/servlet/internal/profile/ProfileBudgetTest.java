package io.lytx.servlet.internal.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.benmanes.caffeine.cache.Ticker;
import io.lytx.client.content.Recommendation;
import io.lytx.client.testing.StubResponse;
import io.lytx.servlet.ProfileStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The per-request budget: a hanging Lytics costs a page the budget and no more, the HTTP call itself
 * is cut, a caller giving up does not cancel the call others share, and profile plus recommendations
 * run side by side. Real HTTP to a loopback upstream that can hang or hold its answers.
 */
class ProfileBudgetTest {

    private static final LookupKey PAT = new LookupKey("_uid", "u_670591093815502600");
    private static final String ENTITY = "/api/entity/user/_uid/u_670591093815502600";

    private ProfileFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new ProfileFixture();
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void hangingUpstreamGivesUnavailableAtTheBudgetAndTheHttpCallIsCut() {
        Duration budget = Duration.ofMillis(200);
        ProfileService service = fixture.service(ProfileSettings.defaults().withBudget(budget), Ticker.systemTicker());
        fixture.answerAll(StubResponse.hang());

        CompletableFuture<ProfileResult> page = service.profile(PAT, Deadline.after(budget));

        // The upstream never answers: an answer at all proves the budget, the bound only keeps a
        // broken build from waiting forever.
        await().atMost(Duration.ofSeconds(3)).until(page::isDone);
        assertThat(page.join().status()).isEqualTo(ProfileStatus.UNAVAILABLE);
        assertThat(page.join().reason()).isEqualTo("timeout");
        await().atMost(Duration.ofSeconds(5)).until(fixture::everyArrivedCallCut);
        await().atMost(Duration.ofSeconds(5)).until(() -> service.metrics().loadFailures() == 1);
        assertThat(service.metrics().timeouts()).as("counted once, whichever timer fired first").isEqualTo(1);
    }

    @Test
    void callerWhoseBudgetRunsOutDoesNotCancelTheCallAnotherCallerWaitsFor() {
        ProfileService service = fixture.service(ProfileSettings.defaults().withBudget(Duration.ofSeconds(5)),
                Ticker.systemTicker());
        CompletableFuture<Void> release = new CompletableFuture<>();
        fixture.upstream.dispatcher(request -> ProfileFixture.whenReleased(release, ProfileFixture.FOUND));

        CompletableFuture<ProfileResult> hurried = service.profile(PAT, Deadline.after(Duration.ofMillis(50)));
        CompletableFuture<ProfileResult> patient = service.profile(PAT, Deadline.after(Duration.ofSeconds(5)));

        await().atMost(Duration.ofSeconds(3)).until(hurried::isDone);
        assertThat(hurried.join()).isEqualTo(ProfileResult.unavailable("timeout"));
        assertThat(patient).isNotDone();

        release.complete(null);

        assertThat(patient.join().status()).isEqualTo(ProfileStatus.KNOWN);
        assertThat(fixture.calls(ENTITY)).isEqualTo(1);
        assertThat(service.profile(PAT, Deadline.after(Duration.ofMillis(50)))).as("now cached").isDone();
        assertThat(service.metrics().timeouts()).isEqualTo(1);
    }

    @Test
    void spentDeadlineIsAnsweredAtOnceButStillWarmsTheCacheForTheNextRequest() {
        ProfileService service = fixture.service(ProfileSettings.defaults().withBudget(Duration.ofSeconds(5)),
                Ticker.systemTicker());
        // the upstream answers only once the first request has had its answer: on a loaded machine an
        // immediate answer could otherwise arrive before the spent deadline is looked at, and be used
        CompletableFuture<Void> firstAnswered = new CompletableFuture<>();
        fixture.answerByTarget(target -> ProfileFixture.whenReleased(firstAnswered, ProfileFixture.FOUND));

        CompletableFuture<ProfileResult> spent = service.profile(PAT, Deadline.after(Duration.ZERO));

        assertThat(spent).isDone();
        assertThat(spent.join().status()).isEqualTo(ProfileStatus.UNAVAILABLE);
        firstAnswered.complete(null);
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            CompletableFuture<ProfileResult> next = service.profile(PAT, Deadline.after(Duration.ZERO));
            return next.isDone() && next.join().status() == ProfileStatus.KNOWN;
        });
        assertThat(fixture.calls(ENTITY)).isEqualTo(1);
    }

    @Test
    void profileAndRecommendationsAreFetchedSideBySide() {
        ProfileService service = fixture.service(ProfileSettings.defaults().withBudget(Duration.ofSeconds(3)),
                Ticker.systemTicker());
        // Each upstream call is held until BOTH have arrived: sequential calls could never both answer
        // (the first would wait for a second that is only sent after it), so two answers prove overlap.
        CompletableFuture<Void> bothArrived = new CompletableFuture<>();
        AtomicInteger arrived = new AtomicInteger();
        fixture.answerByTarget(target -> {
            if (arrived.incrementAndGet() == 2) {
                bothArrived.complete(null);
            }
            return ProfileFixture.whenReleased(bothArrived, target.startsWith("/api/content/recommend/user/")
                    ? ProfileFixture.RECOMMENDATIONS : ProfileFixture.FOUND);
        });
        Deadline deadline = Deadline.after(Duration.ofSeconds(3));

        CompletableFuture<ProfileResult> profile = service.profile(PAT, deadline);
        CompletableFuture<List<Recommendation>> recommendations = service.recommendations(PAT, null, deadline);

        assertThat(profile.join().status()).isEqualTo(ProfileStatus.KNOWN);
        assertThat(recommendations.join()).extracting(Recommendation::url)
                .containsExactly("www.example.org/guides/trail-running", "www.example.org/gear/shoes");
        assertThat(fixture.targets()).hasSize(2);
    }
}
