package io.lytx.servlet.internal.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lytx.servlet.internal.preview.SegmentCondition.Match;
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
    void aSingleSlugParsesAsTheGeneralPathWouldAndEveryMatchUsesIt() {
        // input: one slug alone, padded, with a prefix, with a non-ASCII space; must: the same slugs every way
        assertThat(SegmentCondition.parse("vip", Match.ALL)).isEqualTo(new SegmentCondition(List.of("vip"), Match.ALL));
        assertThat(SegmentCondition.parse(" vip\t", Match.ANY).slugs()).containsExactly("vip");
        assertThat(SegmentCondition.parse("none:vip", Match.ANY)).isEqualTo(new SegmentCondition(List.of("vip"), Match.NONE));
        assertThat(SegmentCondition.parse("vip\u2003", Match.ANY).slugs()).containsExactly("vip");
        assertThat(SegmentCondition.parse("vip", Match.ANY).test(MINE, false)).isTrue();
        assertThat(SegmentCondition.parse("gold", Match.ANY).test(MINE, false)).isFalse();
        assertThat(SegmentCondition.parse("vip", Match.NONE).test(MINE, false)).isFalse();
        assertThat(SegmentCondition.parse("gold", Match.NONE).test(MINE, false)).isTrue();
        assertThat(SegmentCondition.parse("vip", Match.ALL).toString()).isEqualTo("all:vip");
    }

    @Test
    void matchNamesAreValidated() {
        assertThat(Match.parse(" ALL ")).isEqualTo(Match.ALL);
        assertThat(Match.parse(null)).isEqualTo(Match.ANY);
        assertThatThrownBy(() -> Match.parse("most")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("most");
    }

    @Test
    void splitAgreesWithTheRegularExpressionItReplaces() {
        // input: 20,000 random lists over slugs, commas and every kind of white space (seeded);
        // must hold: the same entries, in the same order, as splitting on [,\s]+ and dropping repeats
        java.util.regex.Pattern separators = java.util.regex.Pattern.compile("[,\\s]+");
        java.util.Random random = new java.util.Random(42);
        char[] alphabet = {'a', 'b', '_', '1', ',', ' ', '\t', '\n', '\r', '\f', '\u000B', '\u00A0'};
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            java.util.List<String> expected = java.util.Arrays.stream(separators.split(text))
                    .filter(x -> !x.isEmpty()).distinct().toList();
            assertThat(SegmentCondition.split(text.toString())).as("split of '%s'", text).isEqualTo(expected);
        }
    }
}
