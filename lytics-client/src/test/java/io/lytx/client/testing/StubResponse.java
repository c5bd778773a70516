package io.lytx.client.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A canned answer of a {@link StubLyticsServer}. Immutable; the {@code with} methods return copies.
 *
 * <p>Besides a plain body, an answer can stream a generated body of any size ({@link #largeJson}),
 * with or without {@code Content-Length}, or {@linkplain #hang() never answer} (the server then
 * waits for the client to close the connection and records it).
 *
 * @param status        HTTP status
 * @param headers       headers in order (name, value)
 * @param body          the body, unless {@code generatedBytes} is positive
 * @param generatedBytes size of a generated body ({@code {"data":{"pad":"xxx…"}}}) written in chunks; 0 for none
 * @param declareLength whether a generated body is sent with {@code Content-Length} (else chunked)
 * @param delay         how long the server waits before answering (zero for none); it notices a client
 *                      that closes the connection meanwhile
 * @param hangs         never finish: with an empty body and status 0, send nothing; otherwise send the
 *                      headers (announcing 1 MB) and the body, then wait
 */
public record StubResponse(int status, List<Map.Entry<String, String>> headers, byte[] body, long generatedBytes,
                           boolean declareLength, Duration delay, boolean hangs) {

    /**
     * @param status HTTP status
     * @param json   the JSON body text
     * @return an answer with {@code Content-Type: application/json}
     */
    public static StubResponse json(int status, String json) {
        return new StubResponse(status, List.of(Map.entry("Content-Type", "application/json")),
                json.getBytes(StandardCharsets.UTF_8), 0, true, Duration.ZERO, false);
    }

    /**
     * @param status HTTP status
     * @param text   a body that is not JSON
     * @param type   its content type, e.g. {@code text/html}
     * @return the answer
     */
    public static StubResponse text(int status, String text, String type) {
        return new StubResponse(status, List.of(Map.entry("Content-Type", type)), text.getBytes(StandardCharsets.UTF_8),
                0, true, Duration.ZERO, false);
    }

    /**
     * @param status HTTP status, e.g. 204
     * @return an answer with no body
     */
    public static StubResponse empty(int status) {
        return new StubResponse(status, List.of(), new byte[0], 0, true, Duration.ZERO, false);
    }

    /**
     * @param bytes         total body size
     * @param declareLength true to send {@code Content-Length}, false to send it chunked
     * @return a 200 JSON answer of that size, generated while written (never held in memory)
     */
    public static StubResponse largeJson(long bytes, boolean declareLength) {
        return new StubResponse(200, List.of(Map.entry("Content-Type", "application/json")), new byte[0], bytes,
                declareLength, Duration.ZERO, false);
    }

    /** @return an answer that never comes: the server holds the connection until the client closes it */
    public static StubResponse hang() {
        return new StubResponse(0, List.of(), new byte[0], 0, true, Duration.ZERO, true);
    }

    /**
     * @param json the first bytes of a body that never completes
     * @return a 200 answer whose headers announce more bytes than are sent: the server sends the
     *     headers and {@code json}, then holds the connection until the client closes it
     */
    public static StubResponse stallAfter(String json) {
        return new StubResponse(200, List.of(Map.entry("Content-Type", "application/json")),
                json.getBytes(StandardCharsets.UTF_8), 0, true, Duration.ZERO, true);
    }

    /**
     * @param pause how long the server waits before answering; the wait ends early, and is recorded in
     *              {@link StubLyticsServer#connectionsClosedByClient()}, if the client closes the connection
     * @return a copy answering after that delay
     */
    public StubResponse withDelay(Duration pause) {
        return new StubResponse(status, headers, body, generatedBytes, declareLength, pause, hangs);
    }

    /**
     * @param newStatus the HTTP status to answer with
     * @return a copy with that status
     */
    public StubResponse withStatus(int newStatus) {
        return new StubResponse(newStatus, headers, body, generatedBytes, declareLength, delay, hangs);
    }

    /**
     * @param name  header name
     * @param value header value
     * @return a copy with that header added
     */
    public StubResponse withHeader(String name, String value) {
        List<Map.Entry<String, String>> h = new ArrayList<>(headers);
        h.add(Map.entry(name, value));
        return new StubResponse(status, List.copyOf(h), body, generatedBytes, declareLength, delay, hangs);
    }
}
