package io.lytx.servlet.internal.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The official Lytics tag's loader script, built by the {@code tags} module from
 * {@code tags/src/tag-loader.js} and packaged as {@value #RESOURCE} (next to the helper).
 * Read once when the class initializes; immutable afterwards.
 */
final class TagLoader {

    /** Where the jar holds it (class path resource name). */
    static final String RESOURCE = "META-INF/resources/lytics/lytics-tag-loader.js";

    /** The loader's script text (minified JavaScript, no {@code </script>} in it). */
    static final String TEXT = read();

    private TagLoader() {
    }

    private static String read() {
        try (InputStream in = TagLoader.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing: build the tags module (node build.mjs) before lytics-servlet");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            if (text.toLowerCase(Locale.ROOT).contains("</script")) {
                throw new IllegalStateException("lytics-tag-loader.js must not contain </script");
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lytics-tag-loader.js", e);
        }
    }
}
