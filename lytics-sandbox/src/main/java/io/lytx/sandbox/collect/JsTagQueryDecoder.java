package io.lytx.sandbox.collect;

import io.lytx.sandbox.http.ApiError;
import io.lytx.sandbox.http.JsonInput;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes the event the Lytics JavaScript tag serializes into a query string (the pixel GET of
 * {@code /c/{account}}, or the {@code _js} form field of the POST transport).
 *
 * <p>The tag's serializer writes flat {@code k=v} pairs, URL-encoded; nested objects flattened
 * with dots ({@code user.id=22}); arrays as {@code key_len=<n>}, {@code key_json=<JSON array>}
 * plus repeated {@code key=} values. This decoder reverses it: {@code key_json} is parsed and
 * becomes {@code key} (its {@code key_len} and repeated values are dropped), other repeated keys
 * become lists, dotted keys become nested objects (unless a plain key of the same name holds a
 * scalar, in which case the dotted key stays flat). All scalar values are text. Stateless and
 * thread-safe.
 */
public final class JsTagQueryDecoder {

    private static final String JSON_SUFFIX = "_json";
    private static final String LEN_SUFFIX = "_len";

    private JsTagQueryDecoder() {
    }

    /**
     * Decodes one serialized event.
     *
     * @param rawQuery the raw (still URL-encoded) query string, without {@code ?}; null or blank
     *                 gives an empty event
     * @return the event, insertion-ordered
     * @throws ApiError 400 when a pair is not valid URL encoding
     */
    public static Map<String, Object> decode(String rawQuery) {
        Map<String, List<String>> pairs = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isBlank()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = decodePart(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decodePart(pair.substring(eq + 1));
                if (!key.isEmpty()) {
                    pairs.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
                }
            }
        }
        Map<String, Object> flat = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : pairs.entrySet()) {
            String key = e.getKey();
            List<String> values = e.getValue();
            if (key.endsWith(JSON_SUFFIX) && key.length() > JSON_SUFFIX.length()) {
                String base = key.substring(0, key.length() - JSON_SUFFIX.length());
                Object parsed = parseJsonOrNull(values.get(values.size() - 1));
                if (parsed != null) {
                    flat.put(base, parsed);
                    continue;
                }
            }
            if (key.endsWith(LEN_SUFFIX) && pairs.containsKey(key.substring(0, key.length() - LEN_SUFFIX.length()) + JSON_SUFFIX)) {
                continue;
            }
            if (pairs.containsKey(key + JSON_SUFFIX) && parseJsonOrNull(last(pairs.get(key + JSON_SUFFIX))) != null) {
                continue;
            }
            flat.put(key, values.size() == 1 ? values.get(0) : List.copyOf(values));
        }
        return nest(flat);
    }

    private static Map<String, Object> nest(Map<String, Object> flat) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : flat.entrySet()) {
            if (!e.getKey().contains(".")) {
                out.put(e.getKey(), e.getValue());
            }
        }
        for (Map.Entry<String, Object> e : flat.entrySet()) {
            String key = e.getKey();
            if (key.contains(".") && !putPath(out, key.split("\\."), e.getValue())) {
                out.put(key, e.getValue());
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static boolean putPath(Map<String, Object> root, String[] parts, Object value) {
        Map<String, Object> node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].isEmpty()) {
                return false;
            }
            Object child = node.get(parts[i]);
            if (child == null) {
                Map<String, Object> created = new LinkedHashMap<>();
                node.put(parts[i], created);
                node = created;
            } else if (child instanceof Map) {
                node = (Map<String, Object>) child;
            } else {
                return false;
            }
        }
        String leaf = parts[parts.length - 1];
        if (leaf.isEmpty() || node.get(leaf) instanceof Map) {
            return false;
        }
        node.put(leaf, value);
        return true;
    }

    private static Object parseJsonOrNull(String text) {
        try {
            Object v = JsonInput.parse(text);
            return v instanceof List || v instanceof Map ? v : null;
        } catch (ApiError e) {
            return null;
        }
    }

    private static String last(List<String> values) {
        return values.get(values.size() - 1);
    }

    private static String decodePart(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "malformed query string: invalid URL encoding in '" + abbreviate(s) + "'");
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
