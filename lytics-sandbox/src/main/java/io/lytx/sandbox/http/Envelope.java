package io.lytx.sandbox.http;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Builds JAX-RS responses wrapped in the Lytics {@code /api} envelope
 * {@code {"data":...,"message":...,"status":...}}.
 *
 * <p>The entity is a {@code Map} serialized by JSON-B (nulls included, so {@code "data":null} is
 * written); {@code data} may be any JSON-B-serializable value: maps, lists, records, strings,
 * numbers, booleans or null. Stateless and thread-safe.
 */
public final class Envelope {

    private Envelope() {
    }

    /**
     * A 200 answer {@code {"data":data,"message":"success","status":200}}.
     *
     * @param data the payload; may be null
     * @return the response, {@code application/json}
     */
    public static Response ok(Object data) {
        return status(200, data);
    }

    /**
     * An answer with the given HTTP status and {@code "message":"success"}.
     *
     * @param httpStatus the HTTP status (and the envelope's {@code status})
     * @param data       the payload; may be null
     * @return the response, {@code application/json}
     */
    public static Response status(int httpStatus, Object data) {
        return json(httpStatus, body(data, "success", httpStatus));
    }

    /**
     * A 200 answer with a custom message, e.g. the entity API's {@code "Not Found"} placeholder.
     *
     * @param data    the payload; may be null
     * @param message the envelope message; not null
     * @return the response, {@code application/json}
     */
    public static Response okWithMessage(Object data, String message) {
        Objects.requireNonNull(message, "message");
        return json(200, body(data, message, 200));
    }

    /**
     * A 200 scan page: the envelope plus {@code "_next"} (the cursor of the next page, empty at the
     * end) and {@code "total"}.
     *
     * @param data  the page's items
     * @param next  the opaque cursor of the next page; null or empty at the end (written as {@code ""})
     * @param total the number of items over all pages
     * @return the response, {@code application/json}
     */
    public static Response page(Object data, String next, long total) {
        Map<String, Object> body = body(data, "success", 200);
        body.put("_next", next == null ? "" : next);
        body.put("total", total);
        return json(200, body);
    }

    /**
     * A 204 answer without a body.
     *
     * @return the response
     */
    public static Response noContent() {
        return Response.noContent().build();
    }

    /**
     * The error envelope {@code {"data":null,"message":message,"status":status}}.
     *
     * @param httpStatus the HTTP status
     * @param message    what was wrong; not null
     * @return the response, {@code application/json}
     */
    public static Response error(int httpStatus, String message) {
        Objects.requireNonNull(message, "message");
        return json(httpStatus, body(null, message, httpStatus));
    }

    /**
     * The envelope as a mutable map, for callers that add fields (such as the entity API's
     * {@code "meta"}) before building the response with {@link #json(int, Map)}.
     *
     * @param data       the payload; may be null
     * @param message    the message; not null
     * @param httpStatus the envelope's {@code status}
     * @return a new insertion-ordered map with {@code data}, {@code message}, {@code status}
     */
    public static Map<String, Object> body(Object data, String message, int httpStatus) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", data);
        body.put("message", Objects.requireNonNull(message, "message"));
        body.put("status", httpStatus);
        return body;
    }

    /**
     * A JSON response with a prepared body.
     *
     * @param httpStatus the HTTP status
     * @param body       the JSON body, usually from {@link #body}
     * @return the response, {@code application/json}
     */
    public static Response json(int httpStatus, Map<String, Object> body) {
        Objects.requireNonNull(body, "body");
        return Response.status(httpStatus).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
