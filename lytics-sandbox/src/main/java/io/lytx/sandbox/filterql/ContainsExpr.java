package io.lytx.sandbox.filterql;

import java.util.Map;
import java.util.Objects;

/**
 * {@code subject [NOT] CONTAINS "s"}: the subject's text (any element's text for a list) contains
 * {@code s}, case-sensitively. Numbers and booleans are read as their text. On a missing subject
 * {@code CONTAINS} is false and {@code NOT CONTAINS} true (qlbridge); on a map both are {@link Truth#UNKNOWN}.
 *
 * @param subject the field or value function
 * @param needle  the substring
 * @param negated whether this is {@code NOT CONTAINS}
 */
record ContainsExpr(Operand subject, Literal needle, boolean negated) implements Expr {

    ContainsExpr {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(needle, "needle");
    }

    @Override
    public Truth truth(Map<String, Object> profile, EvalContext ctx) {
        Checks.evalArgs(profile, ctx);
        Object actual = subject.value(profile, ctx);
        if (actual instanceof Map<?, ?>) {
            return Truth.UNKNOWN;
        }
        return Truth.of(actual != null && Values.anyElementText(actual, text -> text.contains(needle.text())))
                .negatedIf(negated);
    }

    @Override
    public String toQl() {
        return subject.toQl() + (negated ? " NOT CONTAINS " : " CONTAINS ") + needle.toQl();
    }
}
