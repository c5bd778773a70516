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
 * it tries the part before each dot as the key and the rest as the path below. Immutable and
 * thread-safe; the flat keys of the path are built once, not on every evaluation (segment sizes
 * resolve each path once per profile).
 */
final class Identifier implements Operand, ValueList {

    /** Flat keys longer than this are not tried (bounds the work of the dotted-key fallback). */
    private static final int MAX_JOINED_KEY = 1024;
    /** At most this many characters of flat keys are kept per path; longer paths build them per use. */
    private static final int MAX_KEPT_JOINED_CHARS = 8 * 1024;

    private final List<String> path;
    /** {@code joined[i]}: the flat keys starting at segment {@code i}, shortest first; null when not kept. */
    private final String[][] joined;

    /**
     * A path.
     *
     * @param path the segments, unquoted, at least one
     */
    Identifier(List<String> path) {
        this.path = List.copyOf(path);
        if (this.path.isEmpty()) {
            throw new IllegalArgumentException("path must not be empty");
        }
        this.joined = joinedKeys(this.path);
    }

    /** A path from its segments. */
    static Identifier of(String... segments) {
        return new Identifier(List.of(segments));
    }

    /**
     * The segments.
     *
     * @return the segments, unquoted
     */
    List<String> path() {
        return path;
    }

    @Override
    public Object value(Map<String, Object> profile, EvalContext ctx) {
        return resolve(profile);
    }

    @Override
    public List<Literal> candidates(Map<String, Object> profile, EvalContext ctx) {
        Object value = resolve(profile);
        if (value == null) {
            return null;
        }
        List<Object> elements = value instanceof Map<?, ?> map ? new ArrayList<Object>(map.keySet()) : Values.elements(value);
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

    @Override
    public boolean equals(Object o) {
        return o instanceof Identifier other && path.equals(other.path);
    }

    @Override
    public int hashCode() {
        return path.hashCode();
    }

    @Override
    public String toString() {
        return "Identifier[path=" + path + "]";
    }

    /** The flat keys of every start segment, as {@link #resolve(Object, List)} would build them; null past the budget. */
    private static String[][] joinedKeys(List<String> path) {
        String[][] out = new String[path.size()][];
        int kept = 0;
        for (int at = 0; at < path.size(); at++) {
            List<String> keys = new ArrayList<>();
            StringBuilder joined = new StringBuilder(path.get(at));
            for (int i = 1; at + i < path.size() && joined.length() <= MAX_JOINED_KEY; i++) {
                joined.append('.').append(path.get(at + i));
                keys.add(joined.toString());
                kept += joined.length();
                if (kept > MAX_KEPT_JOINED_CHARS) {
                    return null;
                }
            }
            out[at] = keys.toArray(new String[0]);
        }
        return out;
    }

    /** Same answer as {@link #resolve(Object, List)} on the whole path, with the kept flat keys. */
    private Object resolve(Map<String, Object> profile) {
        if (joined == null) {
            return resolve(profile, path);
        }
        Object current = profile;
        int at = 0;
        while (at < path.size()) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            String key = path.get(at);
            Object value = map.get(key);
            if (value != null || map.containsKey(key)) {
                current = value;
                at++;
                continue;
            }
            int next = -1;
            for (int k = 0; k < joined[at].length && next < 0; k++) {
                if (map.containsKey(joined[at][k])) {
                    current = map.get(joined[at][k]);
                    next = at + k + 2;
                }
            }
            if (next < 0) {
                // only a dotted segment is left to try: the general walk does that
                return key.indexOf('.') > 0 ? resolve(current, path.subList(at, path.size())) : null;
            }
            at = next;
        }
        return current;
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
