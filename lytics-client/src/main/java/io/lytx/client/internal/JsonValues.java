package io.lytx.client.internal;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts JSON-P values into plain Java values: {@code String}, {@code BigDecimal}, {@code Boolean},
 * unmodifiable {@code List} and {@code Map} (insertion-ordered), and null. Stateless, thread-safe.
 */
public final class JsonValues {

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
                return ((JsonString) v).getString();
            case NUMBER:
                return ((JsonNumber) v).bigDecimalValue();
            case TRUE:
                return Boolean.TRUE;
            case FALSE:
                return Boolean.FALSE;
            case ARRAY: {
                JsonArray a = v.asJsonArray();
                List<Object> out = new ArrayList<>(a.size());
                for (JsonValue item : a) {
                    out.add(toJava(item));
                }
                return Collections.unmodifiableList(out);
            }
            case OBJECT:
                return toMap(v.asJsonObject());
            default:
                return null;
        }
    }

    /**
     * @param o a JSON object, may be null
     * @return its members as an unmodifiable ordered map; empty for null
     */
    public static Map<String, Object> toMap(JsonObject o) {
        if (o == null) {
            return Map.of();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        o.forEach((k, val) -> out.put(k, toJava(val)));
        return Collections.unmodifiableMap(out);
    }
}
