package io.lytx.sandbox.entity;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes profile values the way Lytics' entity and scan answers carry them: every number as its
 * decimal text ({@code "visitct":"214"}, {@code "timezone":"-7"}, the values of maps such as
 * {@code hourly} and {@code hashedurls}: {@code {"16":"206"}}) and true as {@code "t"}
 * ({@code "app_ismobile":"t"}), as in go-lytics' captured answers {@code mock/json/get_entity.json},
 * {@code get_entity_fields.json} and {@code get_segment_scan_1.json}. False is written {@code "f"}
 * (no captured answer shows a false value; {@code "f"} is the pairing the client reads). Strings,
 * lists of strings and nesting are kept. Stateless and thread-safe.
 */
public final class EntityWire {

    private EntityWire() {
    }

    /**
     * A copy of a rendered profile with Lytics' value forms.
     *
     * @param rendered a profile as rendered for the wire (maps, lists, strings, numbers, booleans); not null
     * @return a new insertion-ordered map
     */
    public static Map<String, Object> of(Map<String, Object> rendered) {
        Map<String, Object> out = new LinkedHashMap<>();
        rendered.forEach((k, v) -> out.put(k, value(v)));
        return out;
    }

    private static Object value(Object v) {
        if (v instanceof Boolean b) {
            return b ? "t" : "f";
        }
        if (v instanceof BigDecimal d) {
            return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        }
        if (v instanceof Double || v instanceof Float) {
            return value(BigDecimal.valueOf(((Number) v).doubleValue()));
        }
        if (v instanceof Number n) {
            return n instanceof BigInteger ? n.toString() : Long.toString(n.longValue());
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, x) -> copy.put(String.valueOf(k), value(x)));
            return copy;
        }
        if (v instanceof List<?> l) {
            List<Object> copy = new ArrayList<>(l.size());
            l.forEach(x -> copy.add(value(x)));
            return copy;
        }
        return v;
    }
}
