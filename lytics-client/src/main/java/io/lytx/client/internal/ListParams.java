package io.lytx.client.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads and writes list-valued query parameters the way the Lytics API accepts them.
 *
 * <p>Lytics accepts five spellings of one list parameter, all meaning the same list:
 * {@code ids=1}, {@code ids=1,2}, {@code ids=[1,2]}, {@code ids=1&ids=2} and
 * {@code ids[]=1&ids[]=2}; {@code ids[]} is an alias of {@code ids}. {@link #parse} reads
 * every spelling (and any mix of them); {@link #format} writes the one canonical spelling this
 * project sends ({@code ids=1,2}, or the bracketed JSON form when a value itself holds a comma).
 *
 * <p>Inside the bracketed form, values may be JSON strings ({@code ["a,b","c"]}), which is the
 * only way to carry a comma inside one value; bare values are split at commas. Blank items are
 * dropped, surrounding whitespace is trimmed, and the order of first appearance is kept
 * (duplicates removed).
 *
 * <p>The client sends lists with {@link #format} (through {@link ApiRequest#queryList}); the sandbox
 * reads them with {@link #parse}, so both sides share one definition. Not part of the client's API.
 *
 * <p>Stateless and thread-safe; every method runs in time linear in its input.
 */
public final class ListParams {

    private ListParams() {
    }

    /**
     * The list carried by parameter {@code name} in decoded query parameters, in any spelling.
     *
     * @param query decoded query parameters (as a JAX-RS {@code UriInfo} or a servlet request gives
     *              them); a key may appear as {@code name} or {@code name[]}
     * @param name  the parameter's name, without brackets
     * @return the values in order of first appearance, without duplicates; empty when absent
     * @throws NullPointerException when {@code query} or {@code name} is null
     */
    public static List<String> parse(Map<String, ? extends Collection<String>> query, String name) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(name, "name");
        LinkedHashSet<String> out = new LinkedHashSet<>();
        addAll(out, query.get(name));
        addAll(out, query.get(name + "[]"));
        return List.copyOf(out);
    }

    /**
     * Splits one raw parameter value ({@code 1}, {@code 1,2} or {@code [1,2]}) into its items.
     *
     * @param value one decoded value; null gives an empty list
     * @return the items, trimmed, without blanks or duplicates
     */
    public static List<String> split(String value) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        addValue(out, value);
        return List.copyOf(out);
    }

    /**
     * The canonical wire form of a list: items joined by commas, or, when an item holds a comma or
     * a double quote, the bracketed form with JSON strings, which {@link #parse} reads back to the
     * same list.
     *
     * @param values the items; null items and blank items are skipped
     * @return the value to send (not URL-encoded); empty when there is nothing to send
     */
    public static String format(Collection<String> values) {
        Objects.requireNonNull(values, "values");
        List<String> items = new ArrayList<>(values.size());
        boolean needsJson = false;
        for (String v : values) {
            if (v == null || v.isBlank()) {
                continue;
            }
            String t = v.trim();
            items.add(t);
            if (t.indexOf(',') >= 0 || t.indexOf('"') >= 0 || t.startsWith("[")) {
                needsJson = true;
            }
        }
        if (!needsJson) {
            return String.join(",", items);
        }
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            appendJsonString(sb, items.get(i));
        }
        return sb.append(']').toString();
    }

    private static void addAll(LinkedHashSet<String> out, Collection<String> values) {
        if (values == null) {
            return;
        }
        for (String v : values) {
            addValue(out, v);
        }
    }

    private static void addValue(LinkedHashSet<String> out, String raw) {
        if (raw == null) {
            return;
        }
        String v = raw.trim();
        if (v.length() >= 2 && v.charAt(0) == '[' && v.charAt(v.length() - 1) == ']') {
            splitBracketed(out, v.substring(1, v.length() - 1));
        } else {
            splitPlain(out, v);
        }
    }

    private static void splitPlain(LinkedHashSet<String> out, String v) {
        int start = 0;
        for (int i = 0; i <= v.length(); i++) {
            if (i == v.length() || v.charAt(i) == ',') {
                addItem(out, v.substring(start, i));
                start = i + 1;
            }
        }
    }

    /** Items separated by commas; an item may be a JSON string, whose commas do not split. */
    private static void splitBracketed(LinkedHashSet<String> out, String body) {
        int i = 0;
        int n = body.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(body.charAt(i))) {
                i++;
            }
            if (i < n && body.charAt(i) == '"') {
                StringBuilder item = new StringBuilder();
                i = readJsonString(body, i + 1, item);
                addItem(out, item.toString());
                while (i < n && body.charAt(i) != ',') {
                    i++;
                }
            } else {
                int end = body.indexOf(',', i);
                if (end < 0) {
                    end = n;
                }
                addItem(out, body.substring(i, end));
                i = end;
            }
            i++; // skip the comma
        }
    }

    /** Reads a JSON string body starting after its opening quote; returns the index after the closing quote. */
    private static int readJsonString(String s, int i, StringBuilder into) {
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i++);
            if (c == '"') {
                return i;
            }
            if (c == '\\' && i < n) {
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> into.append('\n');
                    case 't' -> into.append('\t');
                    case 'r' -> into.append('\r');
                    case 'b' -> into.append('\b');
                    case 'f' -> into.append('\f');
                    case 'u' -> {
                        if (i + 4 <= n) {
                            try {
                                into.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            } catch (NumberFormatException ex) {
                                into.append("\\u").append(s, i, i + 4);
                            }
                            i += 4;
                        } else {
                            into.append("\\u");
                        }
                    }
                    default -> into.append(e);
                }
            } else {
                into.append(c);
            }
        }
        return n;
    }

    private static void addItem(LinkedHashSet<String> out, String item) {
        String t = item.trim();
        if (!t.isEmpty()) {
            out.add(t);
        }
    }

    private static void appendJsonString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
