package io.lytx.sandbox.filterql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A call of a built-in function, e.g. {@code tolower(name)}, {@code domain(email)} or
 * {@code geodistance(geo, "45.5,-122.6", 25)}. Arguments are fields, literals or nested calls (at
 * most {@link #MAX_NESTING} deep); they were checked when parsed. Immutable, thread-safe.
 *
 * @param function the function
 * @param args     its arguments
 */
record FunctionCall(Builtin function, List<Operand> args) implements Operand {

    /** The deepest nesting of calls inside calls accepted by the parser. */
    static final int MAX_NESTING = 16;

    FunctionCall {
        Objects.requireNonNull(function, "function");
        args = List.copyOf(args);
    }

    @Override
    public Object value(Map<String, Object> profile, EvalContext ctx) {
        List<Object> values = new ArrayList<>(args.size());
        for (Operand arg : args) {
            values.add(arg.value(profile, ctx));
        }
        return function.body().apply(values, ctx);
    }

    @Override
    public String toQl() {
        return args.stream().map(Operand::toQl).collect(Collectors.joining(", ", function.name() + "(", ")"));
    }
}
