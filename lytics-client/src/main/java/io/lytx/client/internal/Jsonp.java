package io.lytx.client.internal;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider of the client and of the servlet library built on it, looked up once: the
 * static factories of {@code jakarta.json.Json} repeat a {@link java.util.ServiceLoader} lookup on
 * every call (in a web application, a scan of every jar in {@code WEB-INF/lib}), and both read or
 * write JSON on hot paths (every API answer; the bootstrap, error answers and status of a page).
 * Thread-safe: JSON-P providers and the factories they create are safe to share.
 */
public final class Jsonp {

    /** The provider found the first time this class is used. */
    public static final JsonProvider PROVIDER = JsonProvider.provider();

    private Jsonp() {
    }
}
