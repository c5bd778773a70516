package io.lytx.sandbox.filterql;

import java.util.Map;

/** {@code *} or {@code match_all}: every profile matches. */
record MatchAllExpr() implements Expr {

    @Override
    public Truth truth(Map<String, Object> profile, EvalContext ctx) {
        Checks.evalArgs(profile, ctx);
        return Truth.TRUE;
    }

    @Override
    public String toQl() {
        return "*";
    }
}
