package io.lytx.servlet.internal.preview;

import static org.assertj.core.api.Assertions.assertThat;

import io.lytx.client.content.Recommendation;
import io.lytx.servlet.Identity;
import io.lytx.servlet.LyticsContext;
import io.lytx.servlet.internal.bootstrap.SafeRecommendation;
import io.lytx.servlet.internal.profile.Deadline;
import io.lytx.servlet.internal.profile.ProfileResult;
import io.lytx.servlet.internal.profile.Recommender;
import io.lytx.servlet.internal.runtime.ServletAccess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Every recommendation lookup of a page, by content segment too, is made against the request's one
 * deadline (the one the filter computed from {@code lytics.budget.ms} and the profile lookup has):
 * none starts a budget of its own, so a page waits for Lytics at most the budget plus one grace.
 */
class OneDeadlinePerRequestTest {

    /** One call the page made to the recommender. */
    private record Ask(int limit, String contentSegment, Deadline deadline) {
    }

    private static Recommendation rec(String url) {
        return new Recommendation(url, "t", "d", List.of(), Map.of(), null, null, null, url, 0.5, false);
    }

    private static LyticsContext page(Deadline deadline, Recommender recommender) {
        return ServletAccess.started(new Identity("v-1", false, null, null), "pv-1",
                CompletableFuture.completedFuture(ProfileResult.newVisitor()), deadline, recommender, 5);
    }

    @Test
    void contentSegmentAndDefaultListsAreAskedWithTheRequestsDeadline() {
        // input: a page whose request deadline is D asks for the default list and for a content segment's list
        Deadline requestDeadline = Deadline.after(Duration.ofSeconds(30));
        List<Ask> asks = new CopyOnWriteArrayList<>();
        Recommender recorder = (limit, contentSegment, deadline) -> {
            asks.add(new Ask(limit, contentSegment, deadline));
            return CompletableFuture.completedFuture(List.of(rec("https://example.com/" + contentSegment)));
        };
        Personalization p = Personalization.of(page(requestDeadline, recorder));

        List<SafeRecommendation> articles = p.recommendations(3, " articles ");
        List<SafeRecommendation> any = p.recommendations(2, null);

        // must hold: both lookups went to the request's recommender, each with the very same deadline D
        assertThat(articles).extracting(SafeRecommendation::url).containsExactly("https://example.com/articles");
        assertThat(any).extracting(SafeRecommendation::url).containsExactly("https://example.com/null");
        assertThat(asks).extracting(Ask::limit, Ask::contentSegment).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "articles"), org.assertj.core.groups.Tuple.tuple(2, null));
        assertThat(asks).allSatisfy(ask -> assertThat(ask.deadline()).isSameAs(requestDeadline));
    }

    @Test
    void aContentSegmentListAskedAfterTheBudgetIsSpentGetsNoBudgetOfItsOwn() {
        // input: the recommendations upstream hangs (futures never complete) and the request's budget is spent
        Deadline spent = Deadline.after(Duration.ZERO);
        List<Ask> asks = new CopyOnWriteArrayList<>();
        Recommender hanging = (limit, contentSegment, deadline) -> {
            asks.add(new Ask(limit, contentSegment, deadline));
            return new CompletableFuture<>();
        };
        Personalization p = Personalization.of(page(spent, hanging));

        List<SafeRecommendation> articles = p.recommendations(4, "articles");

        // must hold: the page gets the empty list, and the lookup was handed the spent deadline (nothing left),
        // not a fresh budget
        assertThat(articles).isEmpty();
        assertThat(asks).singleElement().satisfies(ask -> {
            assertThat(ask.contentSegment()).isEqualTo("articles");
            assertThat(ask.deadline()).isSameAs(spent);
            assertThat(ask.deadline().remainingNanos()).isZero();
        });
    }

    @Test
    void theSameListIsAskedOncePerPage() {
        // input: a page renders the same content-segment list twice (e.g. the bootstrap and the body)
        List<Ask> asks = new CopyOnWriteArrayList<>();
        Recommender recorder = (limit, contentSegment, deadline) -> {
            asks.add(new Ask(limit, contentSegment, deadline));
            return CompletableFuture.completedFuture(List.of(rec("https://example.com/a")));
        };
        LyticsContext context = page(Deadline.after(Duration.ofSeconds(30)), recorder);

        context.recommend(3, "articles");
        Personalization.of(context).recommendations(3, "articles");
        context.recommend(3, null);

        // must hold: one lookup per limit and content segment
        assertThat(asks).extracting(Ask::contentSegment).containsExactly("articles", null);
    }
}
