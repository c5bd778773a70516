package io.lytx.sandbox.filterql;

import java.util.Map;
import java.util.Objects;

/**
 * {@code subject [NOT] LIKE "pat*"}: the subject's text (any element's text for a list) matches the
 * pattern as a whole, {@code *} standing for any run of characters, case-insensitively (see
 * {@link WildcardPattern}). On a missing subject {@code LIKE} is false and {@code NOT LIKE} true
 * (qlbridge); on a map both are {@link Truth#UNKNOWN}.
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
    public Truth truth(Map<String, Object> profile, EvalContext ctx) {
        Checks.evalArgs(profile, ctx);
        Object actual = subject.value(profile, ctx);
        if (actual instanceof Map<?, ?>) {
            return Truth.UNKNOWN;
        }
        return Truth.of(actual != null && Values.anyElementText(actual, text -> WildcardPattern.matches(pattern, text)))
                .negatedIf(negated);
    }

    @Override
    public String toQl() {
        return subject.toQl() + (negated ? " NOT LIKE " : " LIKE ") + QlText.string(pattern);
    }
}
