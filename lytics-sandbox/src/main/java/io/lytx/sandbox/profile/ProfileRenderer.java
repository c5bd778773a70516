package io.lytx.sandbox.profile;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a profile the way the Lytics entity and scan APIs do, quirks included: {@code visitct}
 * as text ({@code "17"}), times as ISO-8601 text, nested maps and lists as JSON, plus
 * {@code segments} (public slugs) and {@code segments_all} (ids). Stateless and thread-safe.
 */
public final class ProfileRenderer {

    private ProfileRenderer() {
    }

    /**
     * Renders a profile.
     *
     * @param fields      the profile's fields (a {@link StoredProfile#fields()} map); not null
     * @param only        the fields to include; empty for all; {@code ["none"]} for none
     * @param segmentSlugs the public slugs to write as {@code segments}, or null to leave
     *                     {@code segments} and {@code segments_all} out
     * @param segmentIds   the ids to write as {@code segments_all} (used when slugs are given)
     * @return a new insertion-ordered map of JSON-serializable values
     */
    public static Map<String, Object> render(Map<String, Object> fields, List<String> only, List<String> segmentSlugs,
                                             List<String> segmentIds) {
        Map<String, Object> out = new LinkedHashMap<>();
        boolean none = only.size() == 1 && "none".equals(only.get(0));
        if (!none) {
            for (Map.Entry<String, Object> e : fields.entrySet()) {
                if (only.isEmpty() || only.contains(e.getKey())) {
                    out.put(e.getKey(), wire(e.getKey(), e.getValue()));
                }
            }
        }
        if (segmentSlugs != null) {
            out.put("segments", segmentSlugs);
            out.put("segments_all", segmentIds == null ? List.of() : segmentIds);
        }
        return out;
    }

    private static Object wire(String name, Object v) {
        if ("visitct".equals(name) && v != null) {
            return String.valueOf(v);
        }
        if (v instanceof Instant i) {
            return i.toString();
        }
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, x) -> copy.put(String.valueOf(k), wire("", x)));
            return copy;
        }
        if (v instanceof List<?> l) {
            List<Object> copy = new ArrayList<>(l.size());
            l.forEach(x -> copy.add(wire("", x)));
            return copy;
        }
        return v;
    }
}
