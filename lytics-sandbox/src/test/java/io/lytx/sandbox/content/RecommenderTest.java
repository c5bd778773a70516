package io.lytx.sandbox.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RecommenderTest {

    private final ContentCorpus corpus = new ContentCorpus();
    private final Recommender recommender = new Recommender(corpus);
    private final Document run1 = add("x.org/run1", "running", 1);
    private final Document run2 = add("x.org/run2", "running", 2);
    private final Document cook1 = add("x.org/cook1", "cooking", 3);
    private final Document cook2 = add("x.org/cook2", "cooking", 4);
    private final Document travel = add("x.org/travel", "travel", 5);

    private Document add(String url, String topic, int day) {
        Document d = Document.of(url, url, "", "", Map.of(topic, 1.0), "", "", Instant.EPOCH.plusSeconds(86_400L * day), "");
        corpus.add(d);
        return d;
    }

    private static RecommendOptions opts(int limit, Boolean visited) {
        return new RecommendOptions(limit, d -> true, visited, false, null, new Random(1));
    }

    private static List<Object> urls(List<Map<String, Object>> recs) {
        return recs.stream().map(m -> m.get("url")).toList();
    }

    @Test
    void ranksByTopicAffinityWithUnvisitedDocumentsFirst() {
        Map<String, Object> profile = Map.of(
                "lytics_content", Map.of("running", 0.5, "cooking", 0.2),
                "hashedurls", Map.of(run1.id(), 1L));
        List<Map<String, Object>> recs = recommender.forProfile(profile, opts(10, null));
        assertThat(urls(recs)).containsExactly("x.org/run2", "x.org/cook2", "x.org/cook1", "x.org/travel", "x.org/run1");
        assertThat(recs.get(0)).containsEntry("confidence", 0.5).containsEntry("visited", false);
        assertThat(recs.get(4)).containsEntry("visited", true);
    }

    @Test
    void visitedFalseLeavesVisitedDocumentsOutAndLimitCuts() {
        Map<String, Object> profile = Map.of("lytics_content", Map.of("running", 0.5),
                "hashedurls", Map.of(run1.id(), 1L, run2.id(), 3L));
        assertThat(urls(recommender.forProfile(profile, opts(2, false)))).containsExactly("x.org/travel", "x.org/cook2");
    }

    @Test
    void anUnknownVisitorGetsTheNewestDocuments() {
        assertThat(urls(recommender.forProfile(null, opts(3, null))))
                .containsExactly("x.org/travel", "x.org/cook2", "x.org/cook1");
    }

    @Test
    void aFilterRestrictsTheCandidates() {
        RecommendOptions o = new RecommendOptions(10, d -> d.topics().contains("cooking"), null, false, "recent", new Random(1));
        assertThat(urls(recommender.forProfile(null, o))).containsExactly("x.org/cook2", "x.org/cook1");
    }

    @Test
    void shuffleKeepsUnvisitedFirstAndDrawsFromTheBestCandidates() {
        Map<String, Object> profile = Map.of("hashedurls", Map.of(travel.id(), 1L));
        RecommendOptions o = new RecommendOptions(1, d -> true, null, true, null, new Random(7));
        for (int i = 0; i < 20; i++) {
            List<Map<String, Object>> recs = recommender.forProfile(profile, o);
            assertThat(recs).hasSize(1);
            assertThat(recs.get(0)).containsEntry("visited", false);
        }
    }

    @Test
    void anAudienceRanksByItsMeanAffinity() {
        List<Map<String, Object>> members = List.of(
                Map.of("lytics_content", Map.of("cooking", 0.6)),
                Map.of("lytics_content", Map.of("cooking", 0.2, "running", 0.3)));
        List<Map<String, Object>> recs = recommender.forAudience(members, opts(2, null));
        assertThat(urls(recs)).containsExactly("x.org/cook2", "x.org/cook1");
        assertThat(recs.get(0)).containsEntry("confidence", 0.4);
    }

    @Test
    void optionsRefuseALimitOutOfRangeAndAnUnknownRank() {
        assertThatThrownBy(() -> opts(0, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> opts(101, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecommendOptions(1, d -> true, null, false, "best", new Random()))
                .hasMessageContaining("best");
    }
}
