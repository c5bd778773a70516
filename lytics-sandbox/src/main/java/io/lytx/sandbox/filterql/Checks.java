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
}
