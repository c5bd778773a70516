package io.lytx.servlet.json;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider of this library, looked up once. The static factories of
 * {@code jakarta.json.Json} run a {@link java.util.ServiceLoader} lookup on every call, which in a
 * web application scans every jar of {@code WEB-INF/lib}; on a page path (the {@code <lytics:head>}
 * bootstrap, error answers, the status endpoint) that costs far more than the JSON itself.
 *
 * <p>Thread-safe: JSON-P providers and the factories they create are safe to share.
 */
public final class Jsonp {

    /** The provider found the first time this class is used, with the web application's class loader. */
    public static final JsonProvider PROVIDER = JsonProvider.provider();

    private Jsonp() {
    }
}
