package io.lytx.sandbox.filterql;

import java.util.Map;

/** The comparison operators {@code = != > >= < <=} ({@code ==} is read as {@code =}). */
enum ComparisonOperator {
    EQ("="), NE("!="), GT(">"), GE(">="), LT("<"), LE("<=");

    private static final Map<String, ComparisonOperator> BY_SYMBOL = Map.of(
            "=", EQ, "==", EQ, "!=", NE, ">", GT, ">=", GE, "<", LT, "<=", LE);

    private final String symbol;

    ComparisonOperator(String symbol) {
        this.symbol = symbol;
    }

    /** The canonical symbol. */
    String symbol() {
        return symbol;
    }

    /** The operator written {@code symbol}, or null when there is none. */
    static ComparisonOperator fromSymbol(String symbol) {
        return BY_SYMBOL.get(symbol);
    }

    /** The operator with its sides swapped: {@code a > b} is {@code b < a}. */
    ComparisonOperator flipped() {
        return switch (this) {
            case GT -> LT;
            case GE -> LE;
            case LT -> GT;
            case LE -> GE;
            default -> this;
        };
    }

    /** Applies the operator to one scalar value. */
    boolean test(Object value, Literal literal, EvalContext ctx) {
        if (this == EQ) {
            return LooseComparison.equal(value, literal, ctx);
        }
        if (this == NE) {
            return !LooseComparison.equal(value, literal, ctx);
        }
        Integer sign = LooseComparison.compare(value, literal, ctx);
        if (sign == null) {
            return false;
        }
        return switch (this) {
            case GT -> sign > 0;
            case GE -> sign >= 0;
            case LT -> sign < 0;
            default -> sign <= 0;
        };
    }
}
