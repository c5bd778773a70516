package io.lytx.servlet.internal.bootstrap;

import io.lytx.client.internal.Jsonp;
import jakarta.json.JsonStructure;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import java.io.Writer;
import java.util.Objects;

/**
 * Serializes JSON so that it can be placed inside an HTML {@code <script>} element: besides the JSON
 * escaping, {@code <}, {@code >} and {@code &} are written as {@code \u003c}, {@code \u003e},
 * {@code \u0026} (so {@code </script>} and {@code <!--} cannot appear) and U+2028 / U+2029 as
 * {@code \u2028} / {@code \u2029}. These characters can only occur inside JSON strings, where the
 * escapes mean the same characters: the parsed value is unchanged.
 *
 * <p>Stateless and thread-safe; a generator it makes is for one thread.
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
        StringBuilder out = new StringBuilder(256);
        try (JsonWriter writer = Jsonp.PROVIDER.createWriter(new SafeWriter(out))) {
            writer.write(value);
        }
        return out.toString();
    }

    /**
     * A streaming generator whose output, appended to {@code out}, is script-safe JSON: the way to
     * write a large value without building it first. The text is complete once the generator is closed.
     *
     * @param out where the text goes, never null
     * @throws NullPointerException if {@code out} is null
     */
    public static JsonGenerator generator(StringBuilder out) {
        return Jsonp.PROVIDER.createGenerator(new SafeWriter(Objects.requireNonNull(out, "out")));
    }

    /** The escape of a character that must not appear raw in a script element, or null. */
    private static String replacement(char c) {
        return switch (c) {
            case '<' -> "\\u003c";
            case '>' -> "\\u003e";
            case '&' -> "\\u0026";
            case '\u2028' -> "\\u2028";
            case '\u2029' -> "\\u2029";
            default -> null;
        };
    }

    /** Appends JSON text to a builder, escaping on the way (the JSON writers hand it whole chunks). */
    private static final class SafeWriter extends Writer {

        private final StringBuilder out;

        SafeWriter(StringBuilder out) {
            this.out = out;
        }

        @Override
        public void write(char[] chars, int off, int len) {
            int plain = off;
            int end = off + len;
            for (int i = off; i < end; i++) {
                String rep = replacement(chars[i]);
                if (rep != null) {
                    out.append(chars, plain, i - plain).append(rep);
                    plain = i + 1;
                }
            }
            out.append(chars, plain, end - plain);
        }

        @Override
        public void write(String text, int off, int len) {
            int plain = off;
            int end = off + len;
            for (int i = off; i < end; i++) {
                String rep = replacement(text.charAt(i));
                if (rep != null) {
                    out.append(text, plain, i).append(rep);
                    plain = i + 1;
                }
            }
            out.append(text, plain, end);
        }

        @Override
        public void write(int c) {
            String rep = replacement((char) c);
            if (rep != null) {
                out.append(rep);
            } else {
                out.append((char) c);
            }
        }

        @Override
        public void flush() {
            // nothing buffered here
        }

        @Override
        public void close() {
            // the builder stays open
        }
    }
}
