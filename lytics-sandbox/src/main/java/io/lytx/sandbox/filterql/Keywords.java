package io.lytx.sandbox.filterql;

import java.util.Locale;
import java.util.Set;

/** The reserved words of FilterQL (matched case-insensitively). Stateless. */
final class Keywords {

    /** Every word that has a meaning somewhere in the grammar; such field names are written in backticks. */
    private static final Set<String> RESERVED = Set.of("filter", "from", "with", "alias", "and", "or", "not",
            "exists", "include", "in", "intersects", "contains", "like", "between", "true", "false",
            "match_all", "null");

    /** Words that may follow a subject as its predicate (and so cannot start a phrase). */
    private static final Set<String> PREDICATES = Set.of("in", "intersects", "contains", "like", "between");

    private Keywords() {
    }

    static boolean isReserved(String word) {
        return RESERVED.contains(word.toLowerCase(Locale.ROOT));
    }

    static boolean isPredicate(String word) {
        return PREDICATES.contains(word.toLowerCase(Locale.ROOT));
    }
}
