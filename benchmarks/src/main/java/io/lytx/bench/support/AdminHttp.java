package io.lytx.bench.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain HTTP/1.1 calls to a sandbox with its admin token, outside the client under test: the
 * {@code /_sandbox/} stats and faults, and raw timed requests. Thread-safe.
 */
public final class AdminHttp {

    /** The stats key of the profile lookup route. */
    public static final String ENTITY_ROUTE = "GET /api/entity/{table}/{field}/{value}";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String token;

    /**
     * @param base  the sandbox's base URI, not null
     * @param token its admin token, not null
     */
    public AdminHttp(URI base, String token) {
        this.base = Objects.requireNonNull(base, "base");
        this.token = Objects.requireNonNull(token, "token");
    }

    /**
     * One request; fails unless the status is 2xx.
     *
     * @param method HTTP method
     * @param path   path and query, without the leading slash
     * @param json   body, or null for none
     * @return the answer body
     * @throws IOException on I/O failure or a non-2xx status (the message carries status and body)
     */
    public String call(String method, String path, String json) throws IOException {
        HttpResponse<String> response = send(method, path, json);
        if (response.statusCode() / 100 != 2) {
            throw new IOException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /**
     * One request, whatever its status.
     *
     * @param method HTTP method
     * @param path   path and query, without the leading slash
     * @param json   body, or null for none
     * @return the response
     * @throws IOException on I/O failure
     */
    public HttpResponse<String> send(String method, String path, String json) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", token);
        if (json != null) {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /**
     * Sets the request counts back to zero.
     *
     * @throws IOException on failure
     */
    public void resetStats() throws IOException {
        call("DELETE", "_sandbox/stats", null);
    }

    /**
     * The count of one route since the last reset.
     *
     * @param route a stats key such as {@link #ENTITY_ROUTE}
     * @return the count, 0 when the route was not called
     * @throws IOException on failure
     */
    public long count(String route) throws IOException {
        String body = call("GET", "_sandbox/stats", null);
        Matcher m = Pattern.compile(Pattern.quote("\"" + route + "\"") + "\\s*:\\s*(\\d+)").matcher(body);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /**
     * Injects a fault (see the sandbox README).
     *
     * @param json the fault, e.g. {@code {"route":"GET /api/entity/{table}/{field}/{value}","latency_ms":100}}
     * @throws IOException on failure
     */
    public void fault(String json) throws IOException {
        call("PUT", "_sandbox/faults", json);
    }

    /**
     * Clears every fault.
     *
     * @throws IOException on failure
     */
    public void clearFaults() throws IOException {
        call("DELETE", "_sandbox/faults", null);
    }
}
