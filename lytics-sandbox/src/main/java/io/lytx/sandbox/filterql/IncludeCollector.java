package io.lytx.sandbox.filterql;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Finds the {@code INCLUDE} slugs of a tree, iteratively (no recursion). Stateless. */
final class IncludeCollector {

    private IncludeCollector() {
    }

    static Set<String> collect(Expr root) {
        Set<String> slugs = new LinkedHashSet<>();
        Deque<Expr> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Expr e = pending.pop();
            if (e instanceof IncludeExpr include) {
                slugs.add(include.slug());
            } else if (e instanceof NotExpr not) {
                pending.push(not.operand());
            } else if (e instanceof AndExpr and) {
                pushInOrder(pending, and.children());
            } else if (e instanceof OrExpr or) {
                pushInOrder(pending, or.children());
            }
        }
        return Collections.unmodifiableSet(slugs);
    }

    private static void pushInOrder(Deque<Expr> pending, List<Expr> children) {
        for (int i = children.size() - 1; i >= 0; i--) {
            pending.push(children.get(i));
        }
    }
}
