package io.lytx.sandbox.filterql;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code subject op literal} with {@code op} one of {@code = != > >= < <=} (a literal written on the
 * left, {@code "now-1d" > last_event}, is stored turned around: {@code last_event < "now-1d"}).
 *
 * <p>As in qlbridge's evaluator ({@code vm/vm.go}, {@code evalBinary}): on a missing subject
 * {@code !=} is true and every other operator false; {@code x = NULL} holds for an empty text and
 * {@code x != NULL} for anything else, a missing {@code x} included. On a list field, {@code =}
 * means membership, {@code !=} means no element equals, and orderings mean some element satisfies
 * them. On a map field the comparison is {@link Truth#UNKNOWN}. Comparison rules:
 * {@link LooseComparison}.
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
    public Truth truth(Map<String, Object> profile, EvalContext ctx) {
        Checks.evalArgs(profile, ctx);
        Object actual = subject.value(profile, ctx);
        if (value.kind() == Literal.Kind.NULL) {
            return nullComparison(actual);
        }
        if (actual == null) {
            return Truth.of(operator == ComparisonOperator.NE);
        }
        if (actual instanceof Map<?, ?>) {
            return Truth.UNKNOWN;
        }
        if (Values.isMultiValued(actual)) {
            if (operator == ComparisonOperator.NE) {
                return Truth.of(!LooseComparison.equalsAny(actual, List.of(value), ctx));
            }
            for (Object element : Values.elements(actual)) {
                if (operator.test(element, value, ctx)) {
                    return Truth.TRUE;
                }
            }
            return Truth.FALSE;
        }
        return Truth.of(operator.test(actual, value, ctx));
    }

    private Truth nullComparison(Object actual) {
        boolean empty = actual instanceof String s && s.isEmpty();
        return switch (operator) {
            case EQ -> Truth.of(actual != null && empty);
            case NE -> Truth.of(actual == null || !empty);
            default -> Truth.UNKNOWN;
        };
    }

    @Override
    public String toQl() {
        return subject.toQl() + " " + operator.symbol() + " " + value.toQl();
    }
}
