package io.lytx.client.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.lytx.client.testing.LyticsFixtures;
import io.lytx.client.testing.StubLyticsExtension;
import io.lytx.client.testing.StubResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A document recommended to two visitors is held once: its text, topics and relevances are shared. */
class RecommendationSharingTest {

    @RegisterExtension
    final StubLyticsExtension lytics = new StubLyticsExtension();

    private List<Recommendation> recommend(String visitor) {
        lytics.server().enqueue(StubResponse.json(200, LyticsFixtures.RECOMMENDATIONS));
        return lytics.client().content().recommendForUser("_uid", visitor, RecommendationQuery.defaults());
    }

    @Test
    void twoVisitorsListsShareTheDocumentsProperties() {
        // input: the same recommendation answer for two visitors (two parses); must: equal lists whose
        // documents' URL, title, description, image, topics and relevances are the same instances
        Recommendation a = recommend("u_1").get(0);
        Recommendation b = recommend("u_2").get(0);

        assertThat(b).isEqualTo(a);
        assertThat(b.url()).isSameAs(a.url());
        assertThat(b.title()).isSameAs(a.title());
        assertThat(b.description()).isSameAs(a.description());
        assertThat(b.primaryImage()).isSameAs(a.primaryImage());
        assertThat(b.topics()).isSameAs(a.topics());
        assertThat(b.topicRelevances()).isSameAs(a.topicRelevances()).isEqualTo(Map.of("running", 1.0, "outdoors", 0.62));
    }
}
