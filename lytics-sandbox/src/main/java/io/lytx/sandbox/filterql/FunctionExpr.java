package io.lytx.sandbox.filterql;

import java.util.Map;
import java.util.Objects;

/**
 * A predicate function used as a phrase, e.g. {@code geodistance(geo, "45.52,-122.68", 25)}.
 *
 * @param call the call of a function whose {@link FilterFunction#isPredicate()} is true
 */
record FunctionExpr(FunctionCall call) implements Expr {

    FunctionExpr {
        Objects.requireNonNull(call, "call");
    }

    @Override
    public boolean test(Map<String, Object> profile, EvalContext ctx) {
        Checks.evalArgs(profile, ctx);
        return call.function().test(call.args(), profile, ctx);
    }

    @Override
    public String toQl() {
        return call.toQl();
    }
}
