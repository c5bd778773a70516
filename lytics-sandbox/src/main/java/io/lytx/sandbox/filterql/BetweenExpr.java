package io.lytx.sandbox.filterql;

import java.util.Map;
import java.util.Objects;

/**
 * {@code subject [NOT] BETWEEN low AND high}: {@code low <= value <= high} (both ends inclusive),
 * for some element of a list value, with the comparison rules of {@link LooseComparison}. A missing
 * subject or a map never matches, negated or not.
 *
 * @param subject the field or value function
 * @param low     the lower bound, inclusive
 * @param high    the upper bound, inclusive
 * @param negated whether this is {@code NOT BETWEEN}
 */
record BetweenExpr(Operand subject, Literal low, Literal high, boolean negated) implements Expr {

    BetweenExpr {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(high, "high");
    }

    @Override
    public boolean test(Map<String, Object> profile, EvalContext ctx) {
        Object actual = Checks.presentValue(subject, profile, ctx);
        if (actual == null) {
            return false;
        }
        return Values.anyElement(actual, element -> {
            Integer fromLow = LooseComparison.compare(element, low, ctx);
            Integer fromHigh = LooseComparison.compare(element, high, ctx);
            return fromLow != null && fromHigh != null && fromLow >= 0 && fromHigh <= 0;
        }) != negated;
    }

    @Override
    public String toQl() {
        return subject.toQl() + (negated ? " NOT BETWEEN " : " BETWEEN ") + low.toQl() + " AND " + high.toQl();
    }
}
