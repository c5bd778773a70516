package io.lytx.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SharedValuesTest {

    @Test
    void equalValuesAreAnsweredWithTheFirstInstanceAndOthersWithThemselves() {
        // input: two equal lists (distinct objects), then an unequal one; must: the first instance for the
        // equal one, the unequal list itself, null for null
        SharedValues<List<String>> table = new SharedValues<>(8);
        List<String> first = table.of(List.copyOf(List.of("all", "known_users")));
        List<String> equal = List.copyOf(List.of("all", "known_users"));
        List<String> other = List.of("all");

        assertThat(equal).isNotSameAs(first);
        assertThat(table.of(equal)).isSameAs(first);
        assertThat(table.of(other)).isSameAs(other);
        assertThat(table.of(null)).isNull();
    }

    @Test
    void holdsAtMostItsSlotsAndEveryAnswerEqualsItsInput() {
        // input: 10,000 distinct values through a 4-slot table; must: each answer equals its input (never a
        // value of another slot), and a value given twice in a row is shared
        SharedValues<String> table = new SharedValues<>(4);
        for (int i = 0; i < 10_000; i++) {
            String value = "value-" + i;
            assertThat(table.of(value)).isEqualTo(value);
            assertThat(table.of(new String(value))).isSameAs(value);
        }
    }

    @Test
    void tableSizeMustBeAPowerOfTwo() {
        // input: 3 and 0 slots; must: IllegalArgumentException naming the parameter
        assertThatThrownBy(() -> new SharedValues<String>(3)).hasMessageContaining("slots");
        assertThatThrownBy(() -> new SharedValues<String>(0)).hasMessageContaining("slots");
    }
}
