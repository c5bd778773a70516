package io.lytx.sandbox.filterql;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code AND (a, b, ...)}: every child matches. Children are evaluated left to right; the first
 * one that is not {@link Truth#TRUE} (false or unknown) is the answer, as in qlbridge.
 *
 * @param children at least one phrase
 */
record AndExpr(List<Expr> children) implements Expr {

    AndExpr {
        children = List.copyOf(children);
    }

    @Override
    public Truth truth(Map<String, Object> profile, EvalContext ctx) {
        Checks.evalArgs(profile, ctx);
        for (Expr child : children) {
            Truth t = child.truth(profile, ctx);
            if (t != Truth.TRUE) {
                return t;
            }
        }
        return Truth.TRUE;
    }

    @Override
    public String toQl() {
        return children.stream().map(Expr::toQl).collect(Collectors.joining(", ", "AND (", ")"));
    }
}
