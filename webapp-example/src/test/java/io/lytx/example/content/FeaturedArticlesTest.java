package io.lytx.example.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeaturedArticlesTest {

    @Test
    void picksOneArticleOfEachTopicInTurnUpToTheMaximum() {
        Map<String, List<Article>> byTopic = new LinkedHashMap<>();
        byTopic.put("cooking", articles("cooking", 5));
        byTopic.put("travel", articles("travel", 1));
        byTopic.put("yoga", articles("yoga", 5));
        List<Article> picks = FeaturedArticles.interleave(byTopic);
        assertThat(picks).extracting(Article::slug).containsExactly(
                "cooking-0", "travel-0", "yoga-0", "cooking-1", "yoga-1", "cooking-2", "yoga-2", "cooking-3");
        assertThat(picks).hasSize(FeaturedArticles.MAX);
    }

    @Test
    void fewerArticlesThanTheMaximumAreAllPicked() {
        assertThat(FeaturedArticles.interleave(Map.of("cooking", articles("cooking", 2)))).hasSize(2);
        assertThat(FeaturedArticles.interleave(Map.of())).isEmpty();
    }

    private static List<Article> articles(String topic, int n) {
        List<Article> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Article(topic, topic + "-" + i, "Title " + i, "", "", "", List.of(topic),
                    "example.org/articles/" + topic + "/" + topic + "-" + i));
        }
        return out;
    }
}
