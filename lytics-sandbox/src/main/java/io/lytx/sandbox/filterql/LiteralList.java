package io.lytx.sandbox.filterql;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A parenthesised list of literals: {@code ("a", "b", 3)}. Immutable.
 *
 * @param values the literals, at least one
 */
record LiteralList(List<Literal> values) implements ValueList {

    LiteralList {
        values = List.copyOf(values);
    }

    @Override
    public List<Literal> candidates(Map<String, Object> profile, EvalContext ctx) {
        return values;
    }

    @Override
    public String toQl() {
        return values.stream().map(Literal::toQl).collect(Collectors.joining(", ", "(", ")"));
    }
}
