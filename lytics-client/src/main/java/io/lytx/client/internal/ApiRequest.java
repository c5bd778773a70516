package io.lytx.client.internal;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * One request to Lytics, built step by step: method, path (literal parts and encoded identity
 * segments), query parameters and an optional body. The {@linkplain #operation() operation} is the
 * path template (e.g. {@code GET /api/entity/{table}/{field}/{value}}), used in error messages so
 * that identity values and tokens never appear there. Not thread-safe while being built; do not
 * share a builder between threads.
 */
public final class ApiRequest {

    /** The body of a request: bytes or a stream, with its media type. */
    public record Body(String mediaType, byte[] bytes, InputStream stream) {
    }

    private final String method;
    private final StringBuilder path = new StringBuilder();
    private final StringBuilder template = new StringBuilder();
    private final List<Map.Entry<String, String>> query = new ArrayList<>();
    private Body body;
    private boolean bulkHost;

    private ApiRequest(String method) {
        this.method = method;
    }

    /** @return a GET request with an empty path */
    public static ApiRequest get() {
        return new ApiRequest("GET");
    }

    /** @return a POST request with an empty path */
    public static ApiRequest post() {
        return new ApiRequest("POST");
    }

    /** @return a PUT request with an empty path */
    public static ApiRequest put() {
        return new ApiRequest("PUT");
    }

    /** @return a DELETE request with an empty path */
    public static ApiRequest delete() {
        return new ApiRequest("DELETE");
    }

    /**
     * Appends literal path text, written by this library (never user input), e.g. {@code /api/segment}.
     *
     * @param literal path text starting with {@code /}
     * @return this
     */
    public ApiRequest path(String literal) {
        path.append(literal);
        template.append(literal);
        return this;
    }

    /**
     * Appends {@code /} and one encoded path segment holding a caller's value.
     *
     * @param value the raw value; must not be null or blank
     * @param name  the parameter's name, shown as {@code {name}} in the operation and in argument errors
     * @return this
     */
    public ApiRequest segment(String value, String name) {
        path.append('/').append(UriEncoding.segment(value, name));
        template.append("/{").append(name).append('}');
        return this;
    }

    /**
     * Adds a query parameter; null values are skipped.
     *
     * @param name  the parameter name (library-chosen)
     * @param value the raw value, encoded when sent
     * @return this
     */
    public ApiRequest query(String name, Object value) {
        if (value != null) {
            query.add(Map.entry(name, String.valueOf(value)));
        }
        return this;
    }

    /**
     * Adds a list-valued parameter in the one canonical form ({@link ListParams#format}); null or
     * empty lists are skipped.
     *
     * @param name   the parameter name
     * @param values the items
     * @return this
     */
    public ApiRequest queryList(String name, Collection<String> values) {
        if (values != null && !values.isEmpty()) {
            String formatted = ListParams.format(values);
            if (!formatted.isEmpty()) {
                query.add(Map.entry(name, formatted));
            }
        }
        return this;
    }

    /**
     * @param mediaType the body's media type
     * @param bytes     the body
     * @return this
     */
    public ApiRequest body(String mediaType, byte[] bytes) {
        this.body = new Body(mediaType, bytes, null);
        return this;
    }

    /**
     * @param mediaType the body's media type
     * @param stream    the body, streamed (sent chunked, never buffered whole)
     * @return this
     */
    public ApiRequest body(String mediaType, InputStream stream) {
        this.body = new Body(mediaType, null, stream);
        return this;
    }

    /**
     * Sends this request to the bulk host (Lytics serves bulk uploads on {@code bulk.lytics.io},
     * since {@code api.lytics.io} takes at most 10 MB a request) instead of the API host.
     *
     * @return this
     */
    public ApiRequest onBulkHost() {
        this.bulkHost = true;
        return this;
    }

    /** @return whether this request goes to the bulk host */
    public boolean bulkHost() {
        return bulkHost;
    }

    /** @return the HTTP method */
    public String method() {
        return method;
    }

    /** @return the method and path template, safe for messages */
    public String operation() {
        return method + " " + template;
    }

    /** @return the body, or null */
    public Body bodyOrNull() {
        return body;
    }

    /**
     * @param extra parameters appended after the request's own (e.g. {@code account_id}); may be empty
     * @return the encoded path and query, e.g. {@code /api/entity/user/email/a%40b?fields=a%2Cb}
     */
    public String pathAndQuery(List<Map.Entry<String, String>> extra) {
        StringBuilder sb = new StringBuilder(path);
        char sep = '?';
        List<Map.Entry<String, String>> all = new ArrayList<>(query);
        all.addAll(extra);
        for (Map.Entry<String, String> e : all) {
            sb.append(sep).append(UriEncoding.encode(e.getKey())).append('=').append(UriEncoding.queryValue(e.getValue()));
            sep = '&';
        }
        return sb.toString();
    }
}
