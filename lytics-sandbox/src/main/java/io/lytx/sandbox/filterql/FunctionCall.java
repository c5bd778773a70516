package io.lytx.sandbox.filterql;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A call of a built-in function, e.g. {@code domain(email)} or {@code geodistance(geo, "45.5,-122.6", 25)}.
 * Arguments were checked by {@link FilterFunction#check(List)} when parsed. Immutable.
 *
 * @param function the function
 * @param args     its arguments (identifiers and literals)
 */
record FunctionCall(FilterFunction function, List<Operand> args) implements Operand {

    FunctionCall {
        args = List.copyOf(args);
    }

    @Override
    public Object value(Map<String, Object> profile, EvalContext ctx) {
        return function.value(args, profile, ctx);
    }

    @Override
    public String toQl() {
        return args.stream().map(Operand::toQl).collect(Collectors.joining(", ", function.qlName() + "(", ")"));
    }
}
