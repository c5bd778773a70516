package io.lytx.sandbox.filterql;

import java.util.Map;
import java.util.Objects;

/**
 * {@code subject [NOT] BETWEEN low AND high}: {@code low < value < high}, both ends excluded as in
 * qlbridge's evaluator ({@code vm/vm.go}, {@code walkTernary}), for some element of a list value,
 * with the comparison rules of {@link LooseComparison}. On a missing subject or a map it is
 * {@link Truth#UNKNOWN}, negated or not.
 *
 * @param subject the field or value function
 * @param low     the lower bound, excluded
 * @param high    the upper bound, excluded
 * @param negated whether this is {@code NOT BETWEEN}
 */
record BetweenExpr(Operand subject, Literal low, Literal high, boolean negated) implements Expr {

    BetweenExpr {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(high, "high");
    }

    @Override
    public Truth truth(Map<String, Object> profile, EvalContext ctx) {
        Checks.evalArgs(profile, ctx);
        Object actual = subject.value(profile, ctx);
        if (actual == null || actual instanceof Map<?, ?>) {
            return Truth.UNKNOWN;
        }
        return Truth.of(Values.anyElement(actual, element -> {
            Integer fromLow = LooseComparison.compare(element, low, ctx);
            Integer fromHigh = LooseComparison.compare(element, high, ctx);
            return fromLow != null && fromHigh != null && fromLow > 0 && fromHigh < 0;
        })).negatedIf(negated);
    }

    @Override
    public String toQl() {
        return subject.toQl() + (negated ? " NOT BETWEEN " : " BETWEEN ") + low.toQl() + " AND " + high.toQl();
    }
}
