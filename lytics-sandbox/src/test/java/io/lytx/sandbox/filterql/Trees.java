package io.lytx.sandbox.filterql;

import java.util.List;

/** Builders of expected trees for the tests, so assertions read like the FilterQL they check. */
final class Trees {

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

    static Expr filter(String text) {
        return FilterQl.parse(text).filter();
    }
}
