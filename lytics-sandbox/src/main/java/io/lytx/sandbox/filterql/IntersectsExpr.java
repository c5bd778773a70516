package io.lytx.sandbox.filterql;

import java.util.Map;
import java.util.Objects;

/**
 * {@code field [NOT] INTERSECTS (lit, ...)}: the field's set of values (a scalar counts as a
 * one-element set, a map its set of keys) overlaps the candidates. Missing values: see {@link InExpr}.
 *
 * @param subject the field or value function
 * @param values  the candidates
 * @param negated whether this is {@code NOT INTERSECTS}
 */
record IntersectsExpr(Operand subject, ValueList values, boolean negated) implements Expr {

    IntersectsExpr {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(values, "values");
    }

    @Override
    public Truth truth(Map<String, Object> profile, EvalContext ctx) {
        return InExpr.matches(subject, values, negated, profile, ctx);
    }

    @Override
    public String toQl() {
        return subject.toQl() + (negated ? " NOT INTERSECTS " : " INTERSECTS ") + values.toQl();
    }
}
