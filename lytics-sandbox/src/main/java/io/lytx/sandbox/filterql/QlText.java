package io.lytx.sandbox.filterql;

import java.util.List;

/** Writes FilterQL tokens: quoted strings, identifiers and names (backticked when needed). Stateless. */
final class QlText {

    private QlText() {
    }

    /** A double-quoted string literal with {@code \" \\ \n \r \t} and {@code \\uXXXX} escapes for other controls. */
    static String string(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** A field path: bare segments where the lexer would read them back identically, backticks elsewhere. */
    static String path(List<String> segments) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            if (i > 0) {
                out.append('.');
            }
            boolean bare = i == 0 ? isBareName(segment) && !(segments.size() == 1 && Keywords.isReserved(segment))
                    : isBareTail(segment);
            out.append(bare ? segment : backtick(segment));
        }
        return out.toString();
    }

    /** A single name (table, slug): bare when it is a non-reserved bare word, backticked otherwise. */
    static String name(String name) {
        return isBareName(name) && !Keywords.isReserved(name) ? name : backtick(name);
    }

    private static String backtick(String segment) {
        StringBuilder out = new StringBuilder(segment.length() + 2).append('`');
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '`' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('`').toString();
    }

    /** {@code [A-Za-z_][A-Za-z0-9_]*}: what may start an identifier path. */
    static boolean isBareName(String s) {
        if (s.isEmpty() || !(isAsciiLetter(s.charAt(0)) || s.charAt(0) == '_')) {
            return false;
        }
        return isBareTail(s);
    }

    /** {@code [A-Za-z0-9_]+}: what may follow a dot in an identifier path. */
    static boolean isBareTail(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isWordChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isWordChar(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '_';
    }
}
