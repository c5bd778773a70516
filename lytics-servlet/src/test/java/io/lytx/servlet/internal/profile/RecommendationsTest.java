package io.lytx.servlet.internal.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lytx.client.content.Recommendation;
import io.lytx.client.content.RecommendationQuery;
import io.lytx.client.testing.StubResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Recommendations: cached per visitor and query, empty (never an exception) when Lytics cannot answer. */
class RecommendationsTest {

    private static final LookupKey PAT = new LookupKey("_uid", "u_670591093815502600");
    private static final Duration BUDGET = Duration.ofSeconds(5);
    private static final String RECOMMEND = "/api/content/recommend/user/_uid/u_670591093815502600";

    private ProfileFixture fixture;
    private ProfileService service;

    @BeforeEach
    void start() throws Exception {
        fixture = new ProfileFixture();
        fixture.answerAll(ProfileFixture.RECOMMENDATIONS);
        service = fixture.service(ProfileSettings.defaults().withBudget(BUDGET).withRecommendationLimit(3));
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    private List<Recommendation> recommend(RecommendationQuery query) {
        return service.recommendations(PAT, query, Deadline.after(BUDGET)).join();
    }

    @Test
    void noQueryAsksForTheConfiguredLimitAndIsCached() {
        List<Recommendation> first = recommend(null);
        CompletableFuture<List<Recommendation>> second = service.recommendations(PAT, null, Deadline.after(BUDGET));

        assertThat(first).extracting(Recommendation::title).containsExactly("Trail running for beginners", "Shoes");
        assertThat(second).isDone();
        assertThat(second.join()).isEqualTo(first);
        assertThat(fixture.targets()).singleElement().asString()
                .startsWith(RECOMMEND).contains("limit=3");
        assertThat(service.metrics().recommendationHits()).isEqualTo(1);
        assertThat(service.metrics().recommendationMisses()).isEqualTo(1);
    }

    @Test
    void aLookupWhoseLoadIsAnsweredAtOnceIsAMissNotAHit() {
        // input: Lytics answers 429 "Retry-After: 60", so the next lookup's load is refused at once, inside
        // the cache call, before the lookup looks at it (as a fast upstream answer can be on a busy machine);
        // must hold: both lookups count as misses (neither found an entry), none as a hit
        fixture.answerAll(StubResponse.json(429, "{\"status\":429,\"message\":\"too many\",\"data\":null}")
                .withHeader("Retry-After", "60"));

        assertThat(recommend(null)).isEmpty();
        assertThat(recommend(RecommendationQuery.defaults().limit(2))).isEmpty();

        assertThat(fixture.calls(RECOMMEND)).isEqualTo(1);
        assertThat(service.metrics().recommendationMisses()).isEqualTo(2);
        assertThat(service.metrics().recommendationHits()).isZero();
    }

    @Test
    void equalQueriesShareACacheEntryAndDifferentQueriesDoNot() {
        recommend(RecommendationQuery.defaults().limit(2).rank("popular"));
        recommend(RecommendationQuery.defaults().limit(2).rank("popular"));
        recommend(RecommendationQuery.defaults().limit(2).rank("recent"));

        assertThat(fixture.calls(RECOMMEND)).isEqualTo(2);
    }

    @Test
    void aQueryEqualToTheDefaultSharesTheDefaultsEntry() {
        // input: no query, then a new query object equal to the default one (limit 3); must hold: one
        // upstream call, the second answered from the first's entry
        recommend(null);
        List<Recommendation> again = recommend(RecommendationQuery.defaults().limit(3));

        assertThat(again).hasSize(2);
        assertThat(fixture.calls(RECOMMEND)).isEqualTo(1);
        assertThat(service.metrics().recommendationHits()).isEqualTo(1);
    }

    @Test
    void entriesExpireAfterTheRecommendationTtl() {
        recommend(null);
        fixture.ticker.advance(ProfileSettings.defaults().recommendationTtl().plusSeconds(1));
        recommend(null);

        assertThat(fixture.calls(RECOMMEND)).isEqualTo(2);
    }

    @Test
    void upstreamFailureGivesAnEmptyListAndIsNotCached() {
        fixture.answerAll(ProfileFixture.SERVER_ERROR);

        assertThat(recommend(null)).isEmpty();

        fixture.answerAll(ProfileFixture.RECOMMENDATIONS);

        assertThat(recommend(null)).hasSize(2);
        assertThat(fixture.calls(RECOMMEND)).isEqualTo(2);
        assertThat(service.metrics().recommendationFailures()).isEqualTo(1);
    }

    @Test
    void hangingUpstreamGivesAnEmptyListWithinTheBudget() {
        service = fixture.service(ProfileSettings.defaults().withBudget(Duration.ofMillis(150)));
        fixture.answerAll(StubResponse.hang());

        CompletableFuture<List<Recommendation>> page =
                service.recommendations(PAT, null, Deadline.after(Duration.ofMillis(150)));

        await().atMost(Duration.ofSeconds(3)).until(page::isDone);
        assertThat(page.join()).isEmpty();
        await().atMost(Duration.ofSeconds(5)).until(fixture::everyArrivedCallCut);
    }
}
