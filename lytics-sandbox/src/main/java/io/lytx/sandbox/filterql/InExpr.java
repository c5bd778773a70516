package io.lytx.sandbox.filterql;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code subject [NOT] IN (lit, ...)} or {@code subject [NOT] IN field}: the subject's value (any
 * element of a list value) equals one of the candidates. A missing subject or candidate field
 * never matches, negated or not.
 *
 * @param subject the field, value function or literal
 * @param values  the candidates
 * @param negated whether this is {@code NOT IN}
 */
record InExpr(Operand subject, ValueList values, boolean negated) implements Expr {

    InExpr {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(values, "values");
    }

    @Override
    public boolean test(Map<String, Object> profile, EvalContext ctx) {
        return matches(subject, values, negated, profile, ctx);
    }

    /**
     * The evaluation IN and INTERSECTS share: the subject's value (any element of a list) loosely
     * equals one of the candidates; a missing subject, a map or missing candidates never match.
     *
     * @param subject the operand; not null
     * @param values  the candidates; not null
     * @param negated whether the operator is negated
     * @param profile the profile; not null
     * @param ctx     the evaluation context; not null
     * @return the result, negation applied
     */
    static boolean matches(Operand subject, ValueList values, boolean negated, Map<String, Object> profile,
                           EvalContext ctx) {
        Checks.evalArgs(profile, ctx);
        Object actual = subject.value(profile, ctx);
        List<Literal> candidates = values.candidates(profile, ctx);
        if (actual == null || actual instanceof Map<?, ?> || candidates == null) {
            return false;
        }
        return LooseComparison.equalsAny(actual, candidates, ctx) != negated;
    }

    @Override
    public String toQl() {
        return subject.toQl() + (negated ? " NOT IN " : " IN ") + values.toQl();
    }
}
