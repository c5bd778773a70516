package io.lytx.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SharedTextTest {

    @Test
    void equalShortTextIsAnsweredWithOneInstance() {
        // input: two equal strings that are distinct objects; must: the second call returns the first instance
        String first = SharedText.of(new String("us_visitors-shared-text-test"));
        String second = new String("us_visitors-shared-text-test");

        assertThat(second).isNotSameAs(first);
        assertThat(SharedText.of(second)).isSameAs(first);
    }

    @Test
    void longTextAndNullPassThrough() {
        // input: text one character over the length bound, null; must: the same object back, never a shared one
        String longText = "x".repeat(SharedText.MAX_LENGTH + 1);
        SharedText.of(new String(longText));
        String again = new String(longText);

        assertThat(SharedText.of(again)).isSameAs(again);
        assertThat(SharedText.of(null)).isNull();
    }

    @Test
    void uniqueTextTakesASlotAndTextThatRepeatsIsSharedAgainAfterwards() {
        // input: a repeated value, then 100,000 unique values, then the repeated value twice;
        // must: every answer equals its input, and the value is shared again from its next repeat on
        String value = "known_users-after-churn";
        SharedText.of(new String(value));
        for (int i = 0; i < 100_000; i++) {
            String unique = "reader" + i + "@example.org";
            assertThat(SharedText.of(unique)).isEqualTo(unique);
        }
        String afterChurn = SharedText.of(new String(value));

        assertThat(afterChurn).isEqualTo(value);
        assertThat(SharedText.of(new String(value))).isSameAs(afterChurn);
    }
}
