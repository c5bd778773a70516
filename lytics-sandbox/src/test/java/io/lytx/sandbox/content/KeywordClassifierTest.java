package io.lytx.sandbox.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeywordClassifierTest {

    private final KeywordClassifier classifier = KeywordClassifier.defaults();

    @Test
    void theTopTopicScoresOneAndOthersRelativeToIt() {
        Map<String, Double> t = classifier.classify("Marathon pacing: run your race, then enjoy the recipes at the hotel.");
        assertThat(t.keySet()).first().isEqualTo("running");
        assertThat(t.get("running")).isEqualTo(1.0);
        assertThat(t.get("cooking")).as("1 hit against 4 running hits").isEqualTo(0.25);
        assertThat(t.get("travel")).isEqualTo(0.25);
    }

    @Test
    void isDeterministicAndCaseInsensitive() {
        String text = "CAMERA lens Aperture";
        assertThat(classifier.classify(text)).isEqualTo(classifier.classify(text.toLowerCase()))
                .isEqualTo(Map.of("photography", 1.0));
    }

    @Test
    void textWithoutKeywordsHasNoTopics() {
        assertThat(classifier.classify("lorem ipsum dolor")).isEmpty();
        assertThat(classifier.classify(null)).isEmpty();
    }

    @Test
    void aKeywordUnderTwoTopicsIsRefused() {
        assertThatThrownBy(() -> new KeywordClassifier(Map.of("a", List.of("x"), "b", List.of("x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'x'");
    }
}
