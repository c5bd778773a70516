package io.lytx.sandbox.http;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/**
 * Writes a tree of plain JSON values as compact JSON text, character for character as the
 * sandbox's JSON-B configuration ({@link JsonbResolver}: null values written) writes it, without
 * JSON-B's per-call machinery.
 *
 * <p>Plain values are: {@code null}, {@link String}, {@link Boolean}, {@link Integer},
 * {@link Long}, {@link BigDecimal}, finite {@link Double}, {@link Map} with {@link String} keys
 * (in iteration order) and {@link Collection} (in iteration order). Strings escape {@code "},
 * {@code \} and control characters only, as Parsson does. Stateless and thread-safe.
 */
final class PlainJson {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private PlainJson() {
    }

    /** A value outside the plain JSON values: the caller falls back to JSON-B. */
    static final class NotPlain extends Exception {
        private static final long serialVersionUID = 1L;

        NotPlain() {
            super(null, null, false, false);
        }
    }

    /**
     * Appends one value.
     *
     * @param value the value
     * @param out   where the text goes; holds a partial text when {@link NotPlain} is thrown
     * @throws NotPlain when the tree holds a value that is not plain
     */
    static void write(Object value, StringBuilder out) throws NotPlain {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof BigDecimal) {
            out.append(value);
        } else if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                throw new NotPlain();
            }
            out.append(d.doubleValue());
        } else if (value instanceof Map<?, ?> map) {
            object(map, out);
        } else if (value instanceof Collection<?> list) {
            array(list, out);
        } else {
            throw new NotPlain();
        }
    }

    private static void object(Map<?, ?> map, StringBuilder out) throws NotPlain {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new NotPlain();
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            string(key, out);
            out.append(':');
            write(e.getValue(), out);
        }
        out.append('}');
    }

    private static void array(Collection<?> list, StringBuilder out) throws NotPlain {
        out.append('[');
        boolean first = true;
        for (Object o : list) {
            if (!first) {
                out.append(',');
            }
            first = false;
            write(o, out);
        }
        out.append(']');
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        int plainFrom = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(s, plainFrom, i);
            plainFrom = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        out.append(s, plainFrom, s.length()).append('"');
    }
}
