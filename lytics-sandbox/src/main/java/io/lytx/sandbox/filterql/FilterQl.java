package io.lytx.sandbox.filterql;

import java.util.Objects;

/**
 * Entry point: parses FilterQL text into a {@link ParsedSegment}. See the package documentation for
 * the grammar. Stateless and thread-safe; parsing takes time linear in the text length and never
 * recurses deeper than a small constant.
 */
public final class FilterQl {

    /** The deepest nesting of {@code AND}, {@code OR}, {@code NOT} and parentheses accepted. */
    public static final int MAX_NESTING_DEPTH = 256;

    /** The longest text accepted, in characters (1 MiB). */
    public static final int MAX_TEXT_LENGTH = 1 << 20;

    private FilterQl() {
    }

    /**
     * Parses a FilterQL statement; it must start with {@code FILTER}, as Lytics requires.
     *
     * @param text the statement, e.g. {@code FILTER AND (visitct > 5, EXISTS email) FROM user ALIAS frequent}; not null
     * @return the parsed statement, never null
     * @throws NullPointerException      when {@code text} is null
     * @throws FilterQlSyntaxException   when the text is empty, lacks {@code FILTER}, is malformed, uses what the
     *                                   sandbox does not support (named in the message), is nested deeper than
     *                                   {@link #MAX_NESTING_DEPTH} or longer than {@link #MAX_TEXT_LENGTH}
     */
    public static ParsedSegment parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.length() > MAX_TEXT_LENGTH) {
            throw FilterQlSyntaxException.at(text, MAX_TEXT_LENGTH,
                    "filter text longer than " + MAX_TEXT_LENGTH + " characters");
        }
        return new Parser(text).statement();
    }
}
