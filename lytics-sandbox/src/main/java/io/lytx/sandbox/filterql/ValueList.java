package io.lytx.sandbox.filterql;

import java.util.List;
import java.util.Map;

/** The right side of {@code IN} / {@code INTERSECTS}: a literal list or a field holding a list. Immutable. */
sealed interface ValueList permits LiteralList, Identifier {

    /** The candidate values for {@code profile} (a map field gives its keys); null when the field is absent. */
    List<Literal> candidates(Map<String, Object> profile, EvalContext ctx);

    /** Canonical FilterQL text. */
    String toQl();
}
