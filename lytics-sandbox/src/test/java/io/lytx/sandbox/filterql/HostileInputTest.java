package io.lytx.sandbox.filterql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Input built to break a naive recursive parser: the parser must answer with a clear syntax error. */
class HostileInputTest {

    /** What {@link Trees#statement(String)} puts in front of each phrase. */
    private static final String FILTER = "FILTER ";

    private static final int DEPTH = FilterQl.MAX_NESTING_DEPTH;

    private static FilterQlSyntaxException failure(String text) {
        FilterQlSyntaxException e = catchThrowableOfType(FilterQlSyntaxException.class, () -> Trees.parse(text));
        assertThat(e).isNotNull();
        return e;
    }

    @Test
    void hundredThousandNotsFailAtTheFirstNotTooDeep() {
        // input: "FILTER " then "NOT " x 100,000 then "x = 1" -> the NOT number DEPTH + 1 (offset 7 + DEPTH * 4) is refused
        FilterQlSyntaxException e = failure("NOT ".repeat(100_000) + "x = 1");
        assertThat(e.reason()).isEqualTo("filter nested deeper than " + DEPTH
                + " levels (AND, OR, NOT and parentheses each count one)");
        assertThat(e.position()).isEqualTo(FILTER.length() + DEPTH * 4);
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(FILTER.length() + DEPTH * 4 + 1);
    }

    @Test
    void hundredThousandOpeningParenthesesFailTooDeep() {
        // input: "FILTER " then "(" x 100,000 then "x = 1" -> the parenthesis at offset 7 + DEPTH is refused
        FilterQlSyntaxException e = failure("(".repeat(100_000) + "x = 1" + ")".repeat(100_000));
        assertThat(e.reason()).startsWith("filter nested deeper than " + DEPTH);
        assertThat(e.position()).isEqualTo(FILTER.length() + DEPTH);
    }

    @Test
    void deeplyNestedAndsFailTooDeep() {
        // input: "FILTER " then "AND (" x 50,000 -> the AND at offset 7 + DEPTH * 5 is refused
        FilterQlSyntaxException e = failure("AND (".repeat(50_000) + "x = 1" + ")".repeat(50_000));
        assertThat(e.position()).isEqualTo(FILTER.length() + DEPTH * 5);
    }

    @Test
    void nestingExactlyAtTheLimitParsesEvaluatesAndRoundTrips() {
        String text = "NOT ".repeat(DEPTH - 2) + "AND (OR (x = 1))";
        Expr parsed = Trees.parse(text).filter();
        SettableContext ctx = new SettableContext(Instant.EPOCH);
        boolean evenNots = (DEPTH - 2) % 2 == 0;
        assertThat(parsed.test(Map.of("x", 1), ctx)).isEqualTo(evenNots);
        assertThat(Trees.parse(parsed.toQl()).filter()).isEqualTo(parsed);
        assertThat(failure("NOT " + text).reason()).startsWith("filter nested deeper");
    }

    @Test
    void aVeryWideAndIsFine() {
        StringBuilder text = new StringBuilder("AND (");
        for (int i = 0; i < 50_000; i++) {
            text.append("f").append(i).append(" = ").append(i).append(",\n");
        }
        text.append(")");
        Expr parsed = Trees.parse(text.toString()).filter();
        assertThat(((AndExpr) parsed).children()).hasSize(50_000);
        assertThat(parsed.test(Map.of("f0", 0), new SettableContext(Instant.EPOCH))).isFalse();
    }

    @Test
    void textOverTheLengthLimitIsRefused() {
        // input: MAX_TEXT_LENGTH + 1 characters -> refused before lexing, pointing at the limit
        String text = "x = \"" + "a".repeat(FilterQl.MAX_TEXT_LENGTH) + "\"";
        FilterQlSyntaxException e = failure(text);
        assertThat(e.reason()).isEqualTo("filter text longer than " + FilterQl.MAX_TEXT_LENGTH + " characters");
        assertThat(e.position()).isEqualTo(FilterQl.MAX_TEXT_LENGTH);
    }

    @Test
    void pathologicalLikePatternStillAnswers() {
        // input: LIKE "*a*a...*a*b" (50,000 stars) against 200,000 'a's, with and without a final 'b'
        Expr like = Trees.parse("x LIKE \"" + "*a".repeat(50_000) + "*b\"").filter();
        assertThat(like.test(Map.of("x", "a".repeat(200_000)), new SettableContext(Instant.EPOCH))).isFalse();
        assertThat(like.test(Map.of("x", "a".repeat(200_000) + "b"), new SettableContext(Instant.EPOCH))).isTrue();
        assertThat(like.test(Map.of("x", "a".repeat(49_999) + "b"), new SettableContext(Instant.EPOCH))).isFalse();
    }

    @Test
    void absurdlyLongFieldPathIsRefused() {
        // input: "FILTER " then a field path of 100,000 segments "a.a.a..." -> refused at its start
        FilterQlSyntaxException e = failure("a.".repeat(100_000) + "a = 1");
        assertThat(e.reason()).isEqualTo("field path has more than " + Lexer.MAX_PATH_SEGMENTS + " segments");
        assertThat(e.position()).isEqualTo(FILTER.length());
        Expr longest = Trees.parse("a.".repeat(Lexer.MAX_PATH_SEGMENTS - 1) + "a = 1").filter();
        assertThat(((CompareExpr) longest).subject()).isEqualTo(new Identifier(Collections.nCopies(Lexer.MAX_PATH_SEGMENTS, "a")));
    }

    @Test
    void profileNumbersWithAbsurdExponentsAreNotExpanded() {
        // profile: numbers 1e999999999 (as BigDecimal and as text), which as plain text would be a billion digits
        Map<String, Object> profile = Map.of("big", new BigDecimal("1e999999999"), "text", "1e999999999",
                "list", List.of(new BigDecimal("1e999999999"), "x"));
        SettableContext ctx = new SettableContext(Instant.EPOCH);
        assertThat(Trees.parse("big CONTAINS \"9\"").filter().test(profile, ctx)).isTrue();
        assertThat(Trees.parse("big LIKE \"1e*\"").filter().test(profile, ctx)).isTrue();
        assertThat(Trees.parse("big > 5").filter().test(profile, ctx)).isFalse();
        assertThat(Trees.parse("text > 5").filter().test(profile, ctx)).isFalse();
        assertThat(Trees.parse("\"x\" IN list").filter().test(profile, ctx)).isTrue();
    }

    @Test
    void hugeExponentIsRefusedBeforeExpanding() {
        // input: x = 1e999999999 -> refused instead of building a billion-digit number
        FilterQlSyntaxException e = failure("x = 1e999999999");
        assertThat(e.reason()).isEqualTo("number '1e999999999' is out of range");
    }
}
