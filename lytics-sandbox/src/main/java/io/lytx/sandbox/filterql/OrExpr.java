package io.lytx.sandbox.filterql;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code OR (a, b, ...)}: some child matches (left to right, stopping at the first match); unknown
 * children count as not matching, so an {@code OR} is never {@link Truth#UNKNOWN}.
 *
 * @param children at least one phrase
 */
record OrExpr(List<Expr> children) implements Expr {

    OrExpr {
        children = List.copyOf(children);
    }

    @Override
    public Truth truth(Map<String, Object> profile, EvalContext ctx) {
        Checks.evalArgs(profile, ctx);
        for (Expr child : children) {
            if (child.truth(profile, ctx) == Truth.TRUE) {
                return Truth.TRUE;
            }
        }
        return Truth.FALSE;
    }

    @Override
    public String toQl() {
        return children.stream().map(Expr::toQl).collect(Collectors.joining(", ", "OR (", ")"));
    }
}
