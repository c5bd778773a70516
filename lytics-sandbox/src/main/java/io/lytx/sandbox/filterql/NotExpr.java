package io.lytx.sandbox.filterql;

import java.util.Map;
import java.util.Objects;

/**
 * {@code NOT phrase}: logical negation, so a phrase that is false because its field is missing
 * makes {@code NOT phrase} true; an {@link Truth#UNKNOWN} phrase stays unknown.
 *
 * @param operand the negated phrase
 */
record NotExpr(Expr operand) implements Expr {

    NotExpr {
        Objects.requireNonNull(operand, "operand");
    }

    @Override
    public Truth truth(Map<String, Object> profile, EvalContext ctx) {
        Checks.evalArgs(profile, ctx);
        return operand.truth(profile, ctx).not();
    }

    @Override
    public String toQl() {
        return "NOT " + operand.toQl();
    }
}
