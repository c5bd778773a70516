package io.lytx.client.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecommendationQueryTest {

    @Test
    void queriesWithTheSameOptionsAreEqualAndHashAlike() {
        RecommendationQuery a = RecommendationQuery.defaults().limit(5).topics(List.of("running")).visited(false);
        RecommendationQuery b = RecommendationQuery.defaults().visited(false).topics(List.of("running")).limit(5);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    }

    @Test
    void anyDifferentOptionMakesQueriesDifferent() {
        RecommendationQuery base = RecommendationQuery.defaults().limit(5);
        assertThat(base).isNotEqualTo(base.limit(6))
                .isNotEqualTo(base.shuffle(true))
                .isNotEqualTo(base.topics(List.of("x")))
                .isNotEqualTo(base.contentSegment("blog"));
    }
}
