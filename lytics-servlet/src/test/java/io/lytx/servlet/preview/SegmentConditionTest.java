package io.lytx.servlet.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lytx.servlet.preview.SegmentCondition.Match;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentConditionTest {

    private static final List<String> MINE = List.of("all", "vip", "known_users");

    @Test
    void anyAllNoneAndPrefixes() {
        assertThat(SegmentCondition.parse("gold, vip", Match.ANY).test(MINE, false)).isTrue();
        assertThat(SegmentCondition.parse("gold vip", Match.ALL).test(MINE, false)).isFalse();
        assertThat(SegmentCondition.parse("all:vip,known_users", Match.ANY).test(MINE, false)).isTrue();
        assertThat(SegmentCondition.parse("none:gold", Match.ANY).test(MINE, false)).isTrue();
        assertThat(SegmentCondition.parse("none:vip", Match.ANY).test(MINE, false)).isFalse();
        assertThat(SegmentCondition.parse("any:gold", Match.ALL).match()).isEqualTo(Match.ANY);
    }

    @Test
    void emptyListsMatchNothingAndNoneProvesNothingWhenUnavailable() {
        assertThat(SegmentCondition.parse("", Match.ANY).test(MINE, false)).isFalse();
        assertThat(SegmentCondition.parse(" , ", Match.ALL).test(MINE, false)).isFalse();
        assertThat(SegmentCondition.parse("vip", Match.NONE).test(List.of(), true))
                .as("profile unavailable: 'none of vip' is not proven").isFalse();
    }

    @Test
    void matchNamesAreValidated() {
        assertThat(Match.parse(" ALL ")).isEqualTo(Match.ALL);
        assertThat(Match.parse(null)).isEqualTo(Match.ANY);
        assertThatThrownBy(() -> Match.parse("most")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("most");
    }
}
