package io.lytx.sandbox.filterql;

import java.util.List;

/**
 * One lexed token. Immutable.
 *
 * @param type          the kind
 * @param start         0-based offset of the first character
 * @param end           0-based offset after the last character
 * @param newlineBefore whether a line break (or a comment line) separates it from the previous token
 * @param segments      for {@link TokenType#IDENT}: the path segments, unquoted; otherwise empty
 * @param quoted        for {@link TokenType#IDENT}: whether any segment was backticked
 * @param value         for {@link TokenType#STRING}: the decoded text; otherwise the source text
 */
record Token(TokenType type, int start, int end, boolean newlineBefore, List<String> segments, boolean quoted,
             String value) {

    private static final int MAX_SHOWN = 40;

    /** Whether this is the bare (unquoted, single-segment) word {@code keyword}, case-insensitively. */
    boolean isKeyword(String keyword) {
        return type == TokenType.IDENT && !quoted && segments.size() == 1 && segments.get(0).equalsIgnoreCase(keyword);
    }

    /** Whether this is a bare single-segment word (a possible keyword or function name). */
    boolean isBareWord() {
        return type == TokenType.IDENT && !quoted && segments.size() == 1;
    }

    /** How errors name this token: {@code end of input} or the quoted source text, shortened. */
    String describe(String text) {
        if (type == TokenType.EOF) {
            return "end of input";
        }
        String source = text.substring(start, end);
        if (source.length() > MAX_SHOWN) {
            source = source.substring(0, MAX_SHOWN) + "...";
        }
        return "'" + source + "'";
    }
}
