package io.lytx.sandbox.filterql;

import java.util.List;
import java.util.regex.Pattern;

/** Builders of expected trees for the tests, so assertions read like the FilterQL they check. */
final class Trees {

    /** Blanks and {@code --} comment lines, then the word FILTER. */
    private static final Pattern STARTS_WITH_FILTER = Pattern.compile("(?:\\s|--[^\\n]*\\n)*FILTER\\b",
            Pattern.CASE_INSENSITIVE);

    private Trees() {
    }

    static Identifier field(String... segments) {
        return Identifier.of(segments);
    }

    static Literal str(String text) {
        return Literal.string(text);
    }

    static Literal num(String text) {
        return Literal.number(text);
    }

    static Literal bool(boolean value) {
        return Literal.bool(value);
    }

    static CompareExpr cmp(Operand subject, String op, Literal value) {
        return new CompareExpr(subject, ComparisonOperator.fromSymbol(op), value);
    }

    static LiteralList list(Literal... values) {
        return new LiteralList(List.of(values));
    }

    static AndExpr and(Expr... children) {
        return new AndExpr(List.of(children));
    }

    static OrExpr or(Expr... children) {
        return new OrExpr(List.of(children));
    }

    static NotExpr not(Expr operand) {
        return new NotExpr(operand);
    }

    /** The phrase of {@code text}; {@code FILTER} is put in front when the text does not start with it. */
    static Expr filter(String text) {
        return FilterQl.parse(statement(text)).filter();
    }

    /** Parses {@code text} as a statement, putting {@code FILTER} in front when it does not start with it. */
    static ParsedSegment parse(String text) {
        return FilterQl.parse(statement(text));
    }

    /** {@code text} as a statement: {@code FILTER} is put in front when it does not start with it. */
    static String statement(String text) {
        return text == null || STARTS_WITH_FILTER.matcher(text).lookingAt() ? text : "FILTER " + text;
    }
}
