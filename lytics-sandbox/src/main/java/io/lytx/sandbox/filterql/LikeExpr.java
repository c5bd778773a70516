package io.lytx.sandbox.filterql;

import java.util.Map;
import java.util.Objects;

/**
 * {@code subject [NOT] LIKE "pat*"}: the subject's text (any element's text for a list) matches the
 * pattern as a whole, {@code *} standing for any run of characters, case-insensitively (see
 * {@link WildcardPattern}). A missing subject or a map never matches, negated or not.
 *
 * @param subject the field or value function
 * @param pattern the pattern
 * @param negated whether this is {@code NOT LIKE}
 */
record LikeExpr(Operand subject, String pattern, boolean negated) implements Expr {

    LikeExpr {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(pattern, "pattern");
    }

    @Override
    public boolean test(Map<String, Object> profile, EvalContext ctx) {
        Object actual = Checks.presentValue(subject, profile, ctx);
        if (actual == null) {
            return false;
        }
        return Values.anyElementText(actual, text -> WildcardPattern.matches(pattern, text)) != negated;
    }

    @Override
    public String toQl() {
        return subject.toQl() + (negated ? " NOT LIKE " : " LIKE ") + QlText.string(pattern);
    }
}
