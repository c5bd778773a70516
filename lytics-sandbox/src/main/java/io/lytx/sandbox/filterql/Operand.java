package io.lytx.sandbox.filterql;

import java.util.Map;

/** The subject of a predicate: a field, a literal or a value function. Immutable, thread-safe. */
sealed interface Operand permits Identifier, Literal, FunctionCall {

    /** The operand's value for {@code profile}; null when absent. */
    Object value(Map<String, Object> profile, EvalContext ctx);

    /** Canonical FilterQL text. */
    String toQl();
}
