package io.lytx.sandbox.filterql;

import java.util.Map;
import java.util.Objects;

/**
 * {@code EXISTS field}: the field has a value: present, not null, not an empty string, list or map.
 *
 * @param field the field
 */
record ExistsExpr(Identifier field) implements Expr {

    ExistsExpr {
        Objects.requireNonNull(field, "field");
    }

    @Override
    public Truth truth(Map<String, Object> profile, EvalContext ctx) {
        Checks.evalArgs(profile, ctx);
        return Truth.of(!Values.isEmpty(field.value(profile, ctx)));
    }

    @Override
    public String toQl() {
        return "EXISTS " + field.toQl();
    }
}
