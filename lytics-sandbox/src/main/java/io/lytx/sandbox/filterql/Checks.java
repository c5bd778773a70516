package io.lytx.sandbox.filterql;

import java.util.Map;
import java.util.Objects;

/** Argument checks shared by the expression nodes. Stateless. */
final class Checks {

    private Checks() {
    }

    /** Fails fast with a message naming the null argument of {@link Expr#test}. */
    static void evalArgs(Map<String, Object> profile, EvalContext ctx) {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(ctx, "ctx");
    }

    /**
     * The operand's value for the element-wise operators, after {@link #evalArgs}: null when the
     * value is missing or a map, which those operators never match, negated or not.
     *
     * @param subject the operand; not null
     * @param profile the profile; not null
     * @param ctx     the evaluation context; not null
     * @return a scalar or a list, or null
     */
    static Object presentValue(Operand subject, Map<String, Object> profile, EvalContext ctx) {
        evalArgs(profile, ctx);
        Object actual = subject.value(profile, ctx);
        return actual instanceof Map<?, ?> ? null : actual;
    }
}
