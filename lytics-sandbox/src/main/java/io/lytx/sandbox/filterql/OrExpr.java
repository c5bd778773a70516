package io.lytx.sandbox.filterql;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code OR (a, b, ...)}: some child matches (evaluated left to right, stopping at the first match).
 *
 * @param children at least one phrase
 */
record OrExpr(List<Expr> children) implements Expr {

    OrExpr {
        children = List.copyOf(children);
    }

    @Override
    public boolean test(Map<String, Object> profile, EvalContext ctx) {
        Checks.evalArgs(profile, ctx);
        for (Expr child : children) {
            if (child.test(profile, ctx)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toQl() {
        return children.stream().map(Expr::toQl).collect(Collectors.joining(", ", "OR (", ")"));
    }
}
