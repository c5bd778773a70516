package io.lytx.client.internal;

import jakarta.json.spi.JsonProvider;

/**
 * The client's JSON-P provider, looked up once: the static factories of {@code jakarta.json.Json}
 * repeat a {@link java.util.ServiceLoader} lookup on every call (in a web application, a scan of
 * every jar in {@code WEB-INF/lib}), and the client reads a JSON answer on every call.
 * Thread-safe: JSON-P providers are safe to share.
 */
public final class Jsonp {

    /** The provider found the first time this class is used. */
    public static final JsonProvider PROVIDER = JsonProvider.provider();

    private Jsonp() {
    }
}
