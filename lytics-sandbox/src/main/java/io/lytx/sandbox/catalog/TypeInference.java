package io.lytx.sandbox.catalog;

import io.lytx.sandbox.collect.TimestampParser;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Infers Lytics column types ({@code string}, {@code int}, {@code number}, {@code bool},
 * {@code date}, {@code []string}, {@code map[string]...}) from collected values.
 *
 * <p>Text is typed by its shape, since CSV and JS-tag data carry every value as text: integer
 * digits are {@code int}, decimals {@code number}, {@code true/false/t/f} {@code bool}, ISO dates
 * {@code date}. When one field is seen with two types, {@link #merge} widens {@code int} and
 * {@code number} to {@code number} and anything else to {@code string}. Stateless and thread-safe.
 */
public final class TypeInference {

    /** The widest type: {@link #merge} of it with any type gives it back. */
    public static final String WIDEST = "string";

    private TypeInference() {
    }

    /**
     * The type of one value.
     *
     * @param value a collected value; null gives {@code string}
     * @return the Lytics type name
     */
    public static String typeOf(Object value) {
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof Instant) {
            return "date";
        }
        if (value instanceof BigDecimal d) {
            return d.stripTrailingZeros().scale() <= 0 ? "int" : "number";
        }
        if (value instanceof Long || value instanceof Integer) {
            return "int";
        }
        if (value instanceof Number) {
            return "number";
        }
        if (value instanceof List) {
            return "[]string";
        }
        if (value instanceof Map<?, ?> map) {
            String inner = null;
            for (Object v : map.values()) {
                inner = inner == null ? typeOf(v) : merge(inner, typeOf(v));
            }
            return "map[string]" + (inner == null || inner.startsWith("map") || inner.startsWith("[]") ? "string" : inner);
        }
        if (value instanceof String s) {
            String t = s.trim();
            if (TextShape.isInteger(t)) {
                return "int";
            }
            if (TextShape.isDecimal(t)) {
                return "number";
            }
            if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false") || t.equals("t") || t.equals("f")) {
                return "bool";
            }
            if (TextShape.isIsoDateLike(t) && TimestampParser.parse(t).isPresent()) {
                return "date";
            }
        }
        return "string";
    }

    /**
     * The type covering two types of one field.
     *
     * @param a a type; null gives {@code b}
     * @param b a type; not null
     * @return the widened type
     */
    public static String merge(String a, String b) {
        if (a == null || a.equals(b)) {
            return b;
        }
        if ((a.equals("int") || a.equals("number")) && (b.equals("int") || b.equals("number"))) {
            return "number";
        }
        if (a.startsWith("map[string]") && b.startsWith("map[string]")) {
            return "map[string]string";
        }
        return "string";
    }
}
