package io.lytx.sandbox;

import io.lytx.sandbox.http.JsonInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A tiny HTTP client for the tests: real sockets through {@link HttpClient} (its default
 * configuration, so requests with a body also carry the {@code Upgrade: h2c} offer real JDK
 * clients send). Blocking; thread-safe.
 */
public final class SandboxHttp {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final String token;

    /**
     * @param base  the sandbox base URI
     * @param token the token sent raw in {@code Authorization}, or null for none
     */
    public SandboxHttp(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    /** A client for the same sandbox with another token (null for none). */
    public SandboxHttp withToken(String other) {
        return new SandboxHttp(base, other);
    }

    /** One answer. */
    public record Reply(int status, String body, Map<String, List<String>> headers) {
        /** The body parsed as a JSON object. */
        @SuppressWarnings("unchecked")
        public Map<String, Object> json() {
            return (Map<String, Object>) JsonInput.parse(body);
        }

        /** The envelope's {@code message}. */
        public String message() {
            return (String) json().get("message");
        }

        /** The envelope's {@code data}. */
        public Object data() {
            return json().get("data");
        }

        /** The envelope's {@code data} as an object. */
        @SuppressWarnings("unchecked")
        public Map<String, Object> dataMap() {
            return (Map<String, Object>) data();
        }

        /** The envelope's {@code data} as a list. */
        @SuppressWarnings("unchecked")
        public List<Object> dataList() {
            return (List<Object>) data();
        }

        /** The first value of a header, or null. */
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** GET {@code path} (relative to the base URI, query string allowed). */
    public Reply get(String path) {
        return send("GET", path, null, null);
    }

    /** DELETE {@code path}. */
    public Reply delete(String path) {
        return send("DELETE", path, null, null);
    }

    /** POST {@code json} as {@code application/json}. */
    public Reply postJson(String path, String json) {
        return send("POST", path, "application/json", json);
    }

    /** PUT {@code json} as {@code application/json}. */
    public Reply putJson(String path, String json) {
        return send("PUT", path, "application/json", json);
    }

    /** Sends a request; {@code contentType} and {@code body} may be null. */
    public Reply send(String method, String path, String contentType, String body) {
        return send(method, path, contentType, body, Map.of());
    }

    /** Sends a request with extra headers. */
    public Reply send(String method, String path, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            b.header("Authorization", token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        headers.forEach(b::header);
        return send(b.build());
    }

    /** Sends a prepared request. */
    public Reply send(HttpRequest request) {
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(r.statusCode(), r.body(), r.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The base URI. */
    public URI base() {
        return base;
    }

    /** The underlying client, for custom requests. */
    public HttpClient client() {
        return client;
    }
}
