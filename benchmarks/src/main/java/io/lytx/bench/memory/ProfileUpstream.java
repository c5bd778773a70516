package io.lytx.bench.memory;

import com.sun.net.httpserver.HttpExchange;
import io.lytx.bench.support.LoopbackServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Lytics API on 127.0.0.1 (free port) that knows every visitor: {@code GET /api/entity/...} answers
 * the {@link TypicalProfile} of the visitor named by the path's last segment, {@code GET /api/content/...}
 * a recommendation answer of {@value TypicalProfile#RECOMMENDATIONS} documents; anything else 404 in
 * Lytics' envelope. Keeps nothing per request, so its heap stays the same however many visitors it
 * serves. Counts entity and recommendation calls. Thread-safe; {@link #close()} stops it.
 */
public final class ProfileUpstream implements AutoCloseable {


    private final LoopbackServer server;
    private final AtomicLong entityCalls = new AtomicLong();
    private final AtomicLong recommendationCalls = new AtomicLong();

    private ProfileUpstream(int threads) throws IOException {
        server = LoopbackServer.start("profile-upstream", threads, 256, this::handle);
    }

    /**
     * Starts the upstream on a free loopback port.
     *
     * @param threads request threads, at least 1
     * @return the running upstream
     * @throws IOException if the port cannot be bound
     */
    public static ProfileUpstream start(int threads) throws IOException {
        return new ProfileUpstream(threads);
    }

    /** @return {@code http://127.0.0.1:<port>/} */
    public URI baseUri() {
        return server.baseUri();
    }

    /** @return entity (profile) lookups answered */
    public long entityCalls() {
        return entityCalls.get();
    }

    /** @return recommendation lookups answered */
    public long recommendationCalls() {
        return recommendationCalls.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getRawPath();
            if (path.startsWith("/api/entity/")) {
                entityCalls.incrementAndGet();
                String visitor = URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
                reply(exchange, 200, TypicalProfile.entityJson(visitor, visitor.hashCode() & 0x7fffffff)
                        .getBytes(StandardCharsets.UTF_8));
            } else if (path.startsWith("/api/content/")) {
                recommendationCalls.incrementAndGet();
                reply(exchange, 200, TypicalProfile.recommendationAnswer());
            } else {
                reply(exchange, 404, "{\"status\":404,\"message\":\"Not Found\",\"data\":null}"
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Stops the server at once and its threads. */
    @Override
    public void close() {
        server.close();
    }
}
