package io.lytx.sandbox.filterql;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code AND (a, b, ...)}: every child matches (evaluated left to right, stopping at the first miss).
 *
 * @param children at least one phrase
 */
record AndExpr(List<Expr> children) implements Expr {

    AndExpr {
        children = List.copyOf(children);
    }

    @Override
    public boolean test(Map<String, Object> profile, EvalContext ctx) {
        Checks.evalArgs(profile, ctx);
        for (Expr child : children) {
            if (!child.test(profile, ctx)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toQl() {
        return children.stream().map(Expr::toQl).collect(Collectors.joining(", ", "AND (", ")"));
    }
}
