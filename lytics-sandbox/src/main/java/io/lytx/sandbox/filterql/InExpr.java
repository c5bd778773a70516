package io.lytx.sandbox.filterql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code subject [NOT] IN (lit, ...)} or {@code subject [NOT] IN field}: the subject's value (any
 * element of a list value, any key of a map value) equals one of the candidates (the elements of a
 * list field, the keys of a map field), as in qlbridge's evaluator ({@code vm/vm.go}). On a missing
 * subject {@code IN} is false and {@code NOT IN} true; when both the subject and the candidate field
 * are missing, both are {@link Truth#UNKNOWN}.
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
    public Truth truth(Map<String, Object> profile, EvalContext ctx) {
        return matches(subject, values, negated, profile, ctx);
    }

    /**
     * The evaluation IN and INTERSECTS share.
     *
     * @param subject the operand; not null
     * @param values  the candidates; not null
     * @param negated whether the operator is negated
     * @param profile the profile; not null
     * @param ctx     the evaluation context; not null
     * @return the result, negation applied
     */
    static Truth matches(Operand subject, ValueList values, boolean negated, Map<String, Object> profile,
                         EvalContext ctx) {
        Checks.evalArgs(profile, ctx);
        Object actual = subject.value(profile, ctx);
        List<Literal> candidates = values.candidates(profile, ctx);
        if (actual == null) {
            return (candidates == null ? Truth.UNKNOWN : Truth.FALSE).negatedIf(negated);
        }
        if (candidates == null) {
            return Truth.FALSE.negatedIf(negated);
        }
        Object members = actual instanceof Map<?, ?> map ? new ArrayList<Object>(map.keySet()) : actual;
        return Truth.of(LooseComparison.equalsAny(members, candidates, ctx)).negatedIf(negated);
    }

    @Override
    public String toQl() {
        return subject.toQl() + (negated ? " NOT IN " : " IN ") + values.toQl();
    }
}
