package io.lytx.servlet.bootstrap;

import io.lytx.servlet.json.Jsonp;
import jakarta.json.JsonStructure;
import jakarta.json.JsonWriter;
import java.io.StringWriter;
import java.util.Objects;

/**
 * Serializes JSON so that it can be placed inside an HTML {@code <script>} element: besides the JSON
 * escaping, {@code <}, {@code >} and {@code &} are written as {@code \u003c}, {@code \u003e},
 * {@code \u0026} (so {@code </script>} and {@code <!--} cannot appear) and U+2028 / U+2029 as
 * {@code \u2028} / {@code \u2029}. These characters can only occur inside JSON strings, where the
 * escapes mean the same characters: the parsed value is unchanged.
 *
 * <p>Stateless and thread-safe.
 */
public final class ScriptJson {

    private ScriptJson() {
    }

    /**
     * The script-safe JSON text of a value.
     *
     * @param value an object or array, never null
     * @throws NullPointerException if {@code value} is null
     */
    public static String write(JsonStructure value) {
        Objects.requireNonNull(value, "value");
        StringWriter out = new StringWriter(256);
        try (JsonWriter writer = Jsonp.PROVIDER.createWriter(out)) {
            writer.write(value);
        }
        return escape(out.toString());
    }

    /**
     * Escapes the HTML-significant characters of an already serialized JSON text.
     *
     * @param json JSON text, never null
     * @return the same JSON with {@code < > &} and U+2028/2029 as {@code \}{@code u} escapes
     */
    public static String escape(String json) {
        Objects.requireNonNull(json, "json");
        StringBuilder out = null;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            String rep = switch (c) {
                case '<' -> "\\u003c";
                case '>' -> "\\u003e";
                case '&' -> "\\u0026";
                case '\u2028' -> "\\u2028";
                case '\u2029' -> "\\u2029";
                default -> null;
            };
            if (rep != null) {
                if (out == null) {
                    out = new StringBuilder(json.length() + 32).append(json, 0, i);
                }
                out.append(rep);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? json : out.toString();
    }
}
