package io.lytx.client.internal;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Converts JSON-P values into plain Java values: {@code String}, {@code BigDecimal}, {@code Boolean},
 * unmodifiable {@code List} and {@code Map} (an insertion-ordered {@link ArrayMap}), and null.
 *
 * <p>The results are compact, since the plugin caches them per visitor: member names are
 * {@linkplain String#intern() interned} (they are the account's schema, the same in every answer; how many
 * one answer can add is bounded by the client's answer size cap, and the JVM drops interned strings no
 * longer used), short text values go through {@link SharedText}, lists without nulls are
 * {@link List#copyOf} lists, which {@link Tolerant#strings} and {@code List.copyOf} then return as they
 * are, and lists of short text are shared too (through a {@link SharedValues} table). Stateless, thread-safe.
 */
public final class JsonValues {

    /**
     * Lists of short text (segment slugs and ids, channels, topics) repeat from profile to profile: held once
     * through this table. At most {@value #MAX_SHARED_ITEMS} items of at most {@value SharedText#MAX_LENGTH}
     * characters each, 256 slots: about 2 MB at worst.
     */
    private static final SharedValues<List<Object>> TEXT_LISTS = new SharedValues<>(256);
    private static final int MAX_SHARED_ITEMS = 64;

    private JsonValues() {
    }

    /**
     * @param v a JSON value, may be null
     * @return its plain Java form; null for JSON null or null
     */
    public static Object toJava(JsonValue v) {
        if (v == null) {
            return null;
        }
        switch (v.getValueType()) {
            case STRING:
                return SharedText.of(((JsonString) v).getString());
            case NUMBER:
                return ((JsonNumber) v).bigDecimalValue();
            case TRUE:
                return Boolean.TRUE;
            case FALSE:
                return Boolean.FALSE;
            case ARRAY: {
                JsonArray a = v.asJsonArray();
                List<Object> out = new ArrayList<>(a.size());
                boolean nulls = false;
                boolean shortText = a.size() <= MAX_SHARED_ITEMS;
                for (JsonValue item : a) {
                    Object java = toJava(item);
                    nulls |= java == null;
                    shortText &= java instanceof String s && s.length() <= SharedText.MAX_LENGTH;
                    out.add(java);
                }
                if (nulls) {
                    return Collections.unmodifiableList(out);
                }
                return shortText ? TEXT_LISTS.of(List.copyOf(out)) : List.copyOf(out);
            }
            case OBJECT:
                return toMap(v.asJsonObject());
            default:
                return null;
        }
    }

    /**
     * @param o a JSON object, may be null
     * @return its members as an unmodifiable ordered map, names interned; empty for null
     */
    public static Map<String, Object> toMap(JsonObject o) {
        if (o == null) {
            return Map.of();
        }
        ArrayMap.Builder out = ArrayMap.builder(o.size());
        o.forEach((k, val) -> out.put(k.intern(), toJava(val)));
        return out.build();
    }
}
