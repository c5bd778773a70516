package io.lytx.sandbox.filterql;

import java.util.List;
import java.util.Objects;

/**
 * One built-in function: its FilterQL name, how many arguments it takes, a parse-time check and the
 * evaluation. Immutable and stateless; see {@link Builtins} for the list.
 *
 * @param name    the lower-case name, e.g. {@code tolower} or {@code string.lowercase}
 * @param minArgs the fewest arguments
 * @param maxArgs the most arguments ({@link Integer#MAX_VALUE} for any number)
 * @param check   the parse-time check of the arguments beyond their count
 * @param body    the evaluation
 */
record Builtin(String name, int minArgs, int maxArgs, Check check, Body body) {

    /** Evaluates a call from its argument values. */
    @FunctionalInterface
    interface Body {
        /**
         * The function's value.
         *
         * @param args the argument values in order, each null when missing or not computable
         * @param ctx  the evaluation context (for {@code now})
         * @return the value (String, BigDecimal, Boolean, Instant, List, Map), or null when it cannot
         *         be computed (qlbridge's "not ok")
         */
        Object apply(List<Object> args, EvalContext ctx);
    }

    /** Checks the parsed arguments when the call is parsed. */
    @FunctionalInterface
    interface Check {
        /**
         * What is wrong with the arguments, or null when they suit the function.
         *
         * @param args the parsed arguments (fields, literals, nested calls)
         * @return the problem, or null
         */
        String problem(List<Operand> args);
    }

    /** A check that accepts any arguments of the right count. */
    static final Check ANY = args -> null;

    Builtin {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(body, "body");
    }

    /** What is wrong with {@code args} (count first, then the function's own check), or null. */
    String problemWith(List<Operand> args) {
        if (args.size() < minArgs || args.size() > maxArgs) {
            String count = minArgs == maxArgs ? Integer.toString(minArgs)
                    : maxArgs == Integer.MAX_VALUE ? "at least " + minArgs : minArgs + " to " + maxArgs;
            return name + " takes " + count + " argument" + (maxArgs == 1 && minArgs == 1 ? "" : "s")
                    + " but was given " + args.size();
        }
        return check.problem(args);
    }
}
