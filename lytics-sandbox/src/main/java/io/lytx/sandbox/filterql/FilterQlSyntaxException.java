package io.lytx.sandbox.filterql;

import java.util.Objects;

/**
 * A FilterQL text that could not be parsed.
 *
 * <p>The message always has the form {@code "<reason> at line L, column C"}, for example
 * {@code "expected ',' or ')' but found end of input at line 2, column 14"}; {@link #reason()} is
 * the same text without the location. {@link #position()} is the 0-based character offset into the
 * parsed text (equal to the text length when the problem is the end of input); {@link #line()} and
 * {@link #column()} are 1-based, a line break being {@code \n}, {@code \r\n} or {@code \r}, and the
 * column counting UTF-16 characters from the start of the line.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class FilterQlSyntaxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The problem without location. */
    private final String reason;
    /** 0-based offset. */
    private final int position;
    /** 1-based line. */
    private final int line;
    /** 1-based column. */
    private final int column;

    private FilterQlSyntaxException(String reason, int position, int line, int column) {
        super(reason + " at line " + line + ", column " + column);
        this.reason = reason;
        this.position = position;
        this.line = line;
        this.column = column;
    }

    /**
     * Builds the exception for a problem at {@code position} in {@code text}, computing line and column.
     *
     * @param text     the whole text being parsed, not null
     * @param position 0-based offset of the problem, clamped into {@code [0, text.length()]}
     * @param reason   what was expected and what was found, without location, not null
     * @return the exception, never null
     */
    static FilterQlSyntaxException at(String text, int position, String reason) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(reason, "reason");
        int pos = Math.max(0, Math.min(position, text.length()));
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < pos; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
                lineStart = i + 1;
            }
        }
        return new FilterQlSyntaxException(reason, pos, line, pos - lineStart + 1);
    }

    /**
     * The problem without its location, e.g. {@code "unknown operator '=>'"}.
     *
     * @return the reason, never null
     */
    public String reason() {
        return reason;
    }

    /**
     * The 0-based character offset of the problem in the parsed text.
     *
     * @return the offset, between 0 and the text length inclusive
     */
    public int position() {
        return position;
    }

    /**
     * The 1-based line of the problem.
     *
     * @return the line, at least 1
     */
    public int line() {
        return line;
    }

    /**
     * The 1-based column of the problem within its line.
     *
     * @return the column, at least 1
     */
    public int column() {
        return column;
    }
}
