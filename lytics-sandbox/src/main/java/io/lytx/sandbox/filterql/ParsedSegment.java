package io.lytx.sandbox.filterql;

import java.util.Objects;

/**
 * A parsed FilterQL statement: {@code FILTER <phrase> [FROM <table>] [WITH name = "..."] [ALIAS <slug>]}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param filter the phrase, never null
 * @param table  the table from {@code FROM}, {@code "user"} when absent; never null
 * @param alias  the slug from {@code ALIAS}, or null
 * @param name   the value of {@code WITH name = "..."}, or null
 */
public record ParsedSegment(Expr filter, String table, String alias, String name) {

    /** The table a statement without {@code FROM} filters. */
    public static final String DEFAULT_TABLE = "user";

    /**
     * Checks the components.
     *
     * @param filter the phrase, not null
     * @param table  the table, not null
     * @param alias  the slug, or null
     * @param name   the display name, or null
     * @throws NullPointerException when {@code filter} or {@code table} is null
     */
    public ParsedSegment {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(table, "table");
    }

    /**
     * The canonical statement text, always with {@code FILTER} and {@code FROM}, e.g.
     * {@code FILTER AND (visitct > 5, EXISTS email) FROM user WITH name = "Frequent" ALIAS frequent}.
     * Parsing it yields an equal {@code ParsedSegment}.
     *
     * @return the text, never null
     */
    public String toQl() {
        StringBuilder out = new StringBuilder("FILTER ").append(filter.toQl())
                .append(" FROM ").append(QlText.name(table));
        if (name != null) {
            out.append(" WITH name = ").append(QlText.string(name));
        }
        if (alias != null) {
            out.append(" ALIAS ").append(QlText.name(alias));
        }
        return out.toString();
    }
}
