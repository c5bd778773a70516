package io.lytx.sandbox.filterql;

import java.util.Map;
import java.util.Objects;

/**
 * A value used as a phrase: a field ({@code FILTER NOT foo}), a function call
 * ({@code FILTER hasprefix(url, "https")}, {@code geodistance(...)}) or the literal {@code true} /
 * {@code false}. It holds when the value reads as true ({@code true}, {@code "t"}, {@code 1}), fails
 * when it reads as false, and is {@link Truth#UNKNOWN} when the value is missing or not a boolean,
 * as in qlbridge's evaluator.
 *
 * @param operand the field, call or boolean literal
 */
record ValuePhrase(Operand operand) implements Expr {

    ValuePhrase {
        Objects.requireNonNull(operand, "operand");
    }

    @Override
    public Truth truth(Map<String, Object> profile, EvalContext ctx) {
        Checks.evalArgs(profile, ctx);
        Object value = operand.value(profile, ctx);
        Boolean b = value == null ? null : Values.toBoolean(value);
        return b == null ? Truth.UNKNOWN : Truth.of(b);
    }

    @Override
    public String toQl() {
        return operand.toQl();
    }
}
