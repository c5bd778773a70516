package io.lytx.sandbox.filterql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A field path such as {@code email}, {@code scores.momentum} or {@code lytics_content.`Credit Cards`}.
 *
 * <p>Resolution walks nested maps one segment at a time. At each map it tries the segment as a
 * key; when that key is absent it tries the next segments joined with dots as one key (a flat key
 * {@code "a.b"}), and when the segment itself contains dots (backticked {@code `actioncounts.Web hit`})
 * it tries the part before each dot as the key and the rest as the path below. Immutable.
 *
 * @param path the segments, unquoted, at least one
 */
record Identifier(List<String> path) implements Operand, ValueList {

    /** Flat keys longer than this are not tried (bounds the work of the dotted-key fallback). */
    private static final int MAX_JOINED_KEY = 1024;

    Identifier {
        path = List.copyOf(path);
        if (path.isEmpty()) {
            throw new IllegalArgumentException("path must not be empty");
        }
    }

    /** A path from its segments. */
    static Identifier of(String... segments) {
        return new Identifier(List.of(segments));
    }

    @Override
    public Object value(Map<String, Object> profile, EvalContext ctx) {
        return resolve(profile, path);
    }

    @Override
    public List<Literal> candidates(Map<String, Object> profile, EvalContext ctx) {
        Object value = resolve(profile, path);
        if (value == null) {
            return null;
        }
        List<Object> elements = Values.elements(value);
        List<Literal> out = new ArrayList<>(elements.size());
        for (Object element : elements) {
            Literal literal = Literal.ofValue(element);
            if (literal != null) {
                out.add(literal);
            }
        }
        return out;
    }

    @Override
    public String toQl() {
        return QlText.path(path);
    }

    private static Object resolve(Object root, List<String> path) {
        Object current = root;
        List<String> rest = path;
        while (!rest.isEmpty()) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            String key = rest.get(0);
            if (map.containsKey(key)) {
                current = map.get(key);
                rest = rest.subList(1, rest.size());
                continue;
            }
            boolean found = false;
            StringBuilder joined = new StringBuilder(key);
            for (int i = 1; i < rest.size() && !found && joined.length() <= MAX_JOINED_KEY; i++) {
                joined.append('.').append(rest.get(i));
                String candidate = joined.toString();
                if (map.containsKey(candidate)) {
                    current = map.get(candidate);
                    rest = rest.subList(i + 1, rest.size());
                    found = true;
                }
            }
            for (int dot = key.indexOf('.'); !found && dot > 0; dot = key.indexOf('.', dot + 1)) {
                String prefix = key.substring(0, dot);
                if (map.containsKey(prefix)) {
                    List<String> next = new ArrayList<>(rest.size() + 1);
                    next.add(key.substring(dot + 1));
                    next.addAll(rest.subList(1, rest.size()));
                    current = map.get(prefix);
                    rest = next;
                    found = true;
                }
            }
            if (!found) {
                return null;
            }
        }
        return current;
    }
}
