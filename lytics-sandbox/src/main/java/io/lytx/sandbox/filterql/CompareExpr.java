package io.lytx.sandbox.filterql;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code subject op literal} with {@code op} one of {@code = != > >= < <=}. A missing subject never
 * matches (not even {@code !=}). On a list field, {@code =} means membership, {@code !=} means no
 * element equals, and orderings mean some element satisfies them. A map field never matches.
 * Comparison rules: {@link LooseComparison}.
 *
 * @param subject  the field or value function
 * @param operator the operator
 * @param value    the literal
 */
record CompareExpr(Operand subject, ComparisonOperator operator, Literal value) implements Expr {

    CompareExpr {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public boolean test(Map<String, Object> profile, EvalContext ctx) {
        Object actual = Checks.presentValue(subject, profile, ctx);
        if (actual == null) {
            return false;
        }
        if (Values.isMultiValued(actual)) {
            if (operator == ComparisonOperator.NE) {
                return !LooseComparison.equalsAny(actual, List.of(value), ctx);
            }
            for (Object element : Values.elements(actual)) {
                if (operator.test(element, value, ctx)) {
                    return true;
                }
            }
            return false;
        }
        return operator.test(actual, value, ctx);
    }

    @Override
    public String toQl() {
        return subject.toQl() + " " + operator.symbol() + " " + value.toQl();
    }
}
