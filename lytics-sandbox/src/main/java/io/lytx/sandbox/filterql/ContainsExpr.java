package io.lytx.sandbox.filterql;

import java.util.Map;
import java.util.Objects;

/**
 * {@code subject [NOT] CONTAINS "s"}: the subject's text (any element's text for a list) contains
 * {@code s}, case-sensitively. Numbers and booleans are read as their text. A missing subject or a
 * map never matches, negated or not.
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
    public boolean test(Map<String, Object> profile, EvalContext ctx) {
        Object actual = Checks.presentValue(subject, profile, ctx);
        if (actual == null) {
            return false;
        }
        return Values.anyElementText(actual, text -> text.contains(needle.text())) != negated;
    }

    @Override
    public String toQl() {
        return subject.toQl() + (negated ? " NOT CONTAINS " : " CONTAINS ") + needle.toQl();
    }
}
