package io.lytx.sandbox.filterql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits FilterQL text into tokens on demand, skipping whitespace and {@code -- comment} lines.
 * One instance per parse; not thread-safe. Every method runs in time linear in the text consumed.
 */
final class Lexer {

    /** The most segments a field path may have ({@code a.b.c} has three). */
    static final int MAX_PATH_SEGMENTS = 32;

    private final String text;
    private int pos;

    Lexer(String text) {
        this.text = text;
    }

    /** The next token; {@link TokenType#EOF} forever once the text is consumed. */
    Token next() {
        boolean newline = skipBlanks();
        int start = pos;
        if (pos >= text.length()) {
            return simple(TokenType.EOF, start, start, newline);
        }
        char c = text.charAt(pos);
        switch (c) {
            case '(':
                pos++;
                return simple(TokenType.LPAREN, start, pos, newline);
            case ')':
                pos++;
                return simple(TokenType.RPAREN, start, pos, newline);
            case ',':
                pos++;
                return simple(TokenType.COMMA, start, pos, newline);
            case '*':
                pos++;
                return simple(TokenType.STAR, start, pos, newline);
            case ';':
                pos++;
                return simple(TokenType.SEMICOLON, start, pos, newline);
            case '"':
                return string(newline, '"', TokenType.STRING);
            case '\'':
                return string(newline, '\'', TokenType.QUOTED);
            case '=':
            case '!':
            case '<':
            case '>':
                while (pos < text.length() && "=!<>".indexOf(text.charAt(pos)) >= 0) {
                    pos++;
                }
                return simple(TokenType.OPERATOR, start, pos, newline);
            default:
                break;
        }
        if (isDigit(c) && isWordWithLetters(pos)) {
            return identifier(newline);
        }
        if (isDigit(c) || (c == '-' && pos + 1 < text.length() && isDigit(text.charAt(pos + 1)))) {
            return number(newline);
        }
        if (QlText.isAsciiLetter(c) || c == '_' || c == '`') {
            return identifier(newline);
        }
        throw FilterQlSyntaxException.at(text, pos, "unexpected character " + describeChar(c));
    }

    private Token simple(TokenType type, int start, int end, boolean newline) {
        return new Token(type, start, end, newline, List.of(), false, text.substring(start, end));
    }

    /** Skips whitespace and comments; returns whether a line break was crossed. */
    private boolean skipBlanks() {
        boolean newline = false;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n' || c == '\r') {
                newline = true;
                pos++;
            } else if (Character.isWhitespace(c) || c == '\uFEFF' || c == '\u00A0') {
                pos++;
            } else if (c == '-' && pos + 1 < text.length() && text.charAt(pos + 1) == '-') {
                while (pos < text.length() && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
                    pos++;
                }
            } else {
                break;
            }
        }
        return newline;
    }

    /**
     * A text between {@code quote}s; the quote doubled inside stands for itself ({@code "Toys R"" Us"},
     * as qlbridge reads it), and the backslash escapes apply.
     */
    private Token string(boolean newline, char quote, TokenType type) {
        int start = pos;
        pos++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw FilterQlSyntaxException.at(text, start, "unterminated string (no closing '" + quote + "')");
            }
            char c = text.charAt(pos);
            if (c == quote && pos + 1 < text.length() && text.charAt(pos + 1) == quote) {
                value.append(quote);
                pos += 2;
                continue;
            }
            if (c == quote) {
                pos++;
                return new Token(type, start, pos, newline, List.of(), false, value.toString());
            }
            if (c == '\\') {
                value.append(escape(quote));
            } else {
                value.append(c);
                pos++;
            }
        }
    }

    /** Decodes the escape at {@code pos} (a backslash) and moves past it. */
    private char escape(char quote) {
        int at = pos;
        if (pos + 1 >= text.length()) {
            throw FilterQlSyntaxException.at(text, at, "unterminated string (no closing '" + quote + "')");
        }
        char c = text.charAt(pos + 1);
        pos += 2;
        switch (c) {
            case '"':
            case '\\':
            case '/':
            case '\'':
                return c;
            case 'n':
                return '\n';
            case 't':
                return '\t';
            case 'r':
                return '\r';
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case 'u':
                if (pos + 4 <= text.length()) {
                    int code = 0;
                    for (int i = 0; i < 4; i++) {
                        int digit = Character.digit(text.charAt(pos + i), 16);
                        if (digit < 0) {
                            code = -1;
                            break;
                        }
                        code = code * 16 + digit;
                    }
                    if (code >= 0) {
                        pos += 4;
                        return (char) code;
                    }
                }
                throw FilterQlSyntaxException.at(text, at, "invalid unicode escape (expected \\u and 4 hex digits)");
            default:
                throw FilterQlSyntaxException.at(text, at, "invalid escape '\\" + c
                        + "' in string (allowed: \\\" \\\\ \\/ \\n \\t \\r \\b \\f \\uXXXX)");
        }
    }

    private Token number(boolean newline) {
        int start = pos;
        if (text.charAt(pos) == '-') {
            pos++;
        }
        skipDigits();
        if (pos + 1 < text.length() && text.charAt(pos) == '.' && isDigit(text.charAt(pos + 1))) {
            pos++;
            skipDigits();
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int mark = pos;
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < text.length() && isDigit(text.charAt(pos))) {
                skipDigits();
            } else {
                pos = mark;
            }
        }
        return simple(TokenType.NUMBER, start, pos, newline);
    }

    private void skipDigits() {
        while (pos < text.length() && isDigit(text.charAt(pos))) {
            pos++;
        }
    }

    /** A path: {@code segment ('.' segment)*}, a segment being bare word characters or backticked text. */
    private Token identifier(boolean newline) {
        int start = pos;
        List<String> segments = new ArrayList<>(2);
        boolean quoted = false;
        while (true) {
            if (pos < text.length() && text.charAt(pos) == '`') {
                segments.add(backticked());
                quoted = true;
            } else {
                int from = pos;
                while (pos < text.length() && QlText.isWordChar(text.charAt(pos))) {
                    pos++;
                }
                if (from == pos) {
                    throw FilterQlSyntaxException.at(text, pos, "expected a field name after '.' but found "
                            + (pos < text.length() ? describeChar(text.charAt(pos)) : "end of input"));
                }
                segments.add(text.substring(from, pos));
            }
            if (pos < text.length() && text.charAt(pos) == '.') {
                if (segments.size() == MAX_PATH_SEGMENTS) {
                    throw FilterQlSyntaxException.at(text, start, "field path has more than " + MAX_PATH_SEGMENTS
                            + " segments");
                }
                pos++;
            } else {
                break;
            }
        }
        return new Token(TokenType.IDENT, start, pos, newline, List.copyOf(segments), quoted,
                text.substring(start, pos));
    }

    private String backticked() {
        int start = pos;
        pos++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw FilterQlSyntaxException.at(text, start, "unterminated quoted identifier (no closing '`')");
            }
            char c = text.charAt(pos);
            if (c == '`') {
                pos++;
                break;
            }
            if (c == '\\' && pos + 1 < text.length() && (text.charAt(pos + 1) == '`' || text.charAt(pos + 1) == '\\')) {
                c = text.charAt(pos + 1);
                pos++;
            }
            value.append(c);
            pos++;
        }
        if (value.length() == 0) {
            throw FilterQlSyntaxException.at(text, start, "empty quoted identifier ``");
        }
        return value.toString();
    }

    /**
     * Whether the word starting at {@code from} (a digit) is a name such as a 32-hex segment id
     * ({@code 3f2a9c0e...}) rather than a number: it holds a letter or underscore and is not of the
     * form {@code digits e digits}.
     */
    private boolean isWordWithLetters(int from) {
        int end = from;
        boolean letters = false;
        while (end < text.length() && QlText.isWordChar(text.charAt(end))) {
            letters |= !isDigit(text.charAt(end));
            end++;
        }
        if (!letters) {
            return false;
        }
        int i = from;
        while (isDigit(text.charAt(i))) {
            i++;
        }
        if (text.charAt(i) == 'e' || text.charAt(i) == 'E') {
            int digitsFrom = i + 1;
            int j = digitsFrom;
            while (j < end && isDigit(text.charAt(j))) {
                j++;
            }
            boolean digitExponent = j == end && j > digitsFrom;
            boolean signedExponent = digitsFrom == end && end < text.length() && "+-".indexOf(text.charAt(end)) >= 0;
            return !(digitExponent || signedExponent);
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String describeChar(char c) {
        return c < 0x20 || c == 0x7f ? String.format("U+%04X", (int) c) : "'" + c + "'";
    }
}
