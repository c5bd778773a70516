package io.lytx.sandbox.filterql;

import java.util.Map;

/** {@code *} or {@code match_all}: every profile matches. */
record MatchAllExpr() implements Expr {

    @Override
    public boolean test(Map<String, Object> profile, EvalContext ctx) {
        Checks.evalArgs(profile, ctx);
        return true;
    }

    @Override
    public String toQl() {
        return "*";
    }
}
