package io.lytx.sandbox.http;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The JSON-B instance of the server: writes null values (so {@code "data":null} appears) and
 * keeps map order. One instance, thread-safe.
 */
@Provider
public final class JsonbResolver implements ContextResolver<Jsonb>, AutoCloseable {

    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

    @Override
    public Jsonb getContext(Class<?> type) {
        return jsonb;
    }

    /** Releases the JSON-B instance; failures are ignored (nothing is left to release). */
    @Override
    public void close() {
        try {
            jsonb.close();
        } catch (Exception e) {
            System.getLogger(JsonbResolver.class.getName()).log(System.Logger.Level.DEBUG, "closing JSON-B failed", e);
        }
    }
}
