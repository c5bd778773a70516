package io.lytx.sandbox.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads a whole request body, as the resources that parse it in one piece need (JSON, FilterQL,
 * form fields). Bodies are bounded before they get here ({@link BodyLimitFilter}); this class adds
 * no limit of its own. Blocking on the request stream; stateless and thread-safe.
 */
public final class RequestBodies {

    private RequestBodies() {
    }

    /**
     * The body's bytes.
     *
     * @param body the entity stream; null gives an empty array
     * @return every byte of the body
     * @throws UncheckedIOException when reading fails (a client that went away)
     */
    public static byte[] bytes(InputStream body) {
        if (body == null) {
            return new byte[0];
        }
        try {
            return body.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The body as UTF-8 text (malformed sequences become U+FFFD).
     *
     * @param body the entity stream; null gives the empty string
     * @return the text
     * @throws UncheckedIOException when reading fails
     */
    public static String text(InputStream body) {
        return new String(bytes(body), StandardCharsets.UTF_8);
    }
}
