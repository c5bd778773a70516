package io.lytx.servlet.internal.collect;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on 127.0.0.1 standing in for {@code POST /collect/json/{stream}}. Records every
 * request (path, body, arrival time) and answers from a script of replies, then with success. A
 * reply may hang until {@link #releaseHangs()} (or {@link #close()}).
 */
final class CollectStub implements AutoCloseable {

    /** One received POST. */
    record Received(String path, byte[] body, long nanoTime, Map<String, List<String>> headers) {

        /** @return the body parsed as a JSON array of objects */
        List<JsonObject> events() {
            try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
                JsonArray array = reader.readArray();
                return array.getValuesAs(JsonObject.class);
            }
        }

        /** @return the {@code _eid} of every event, in order */
        List<String> eventIds() {
            return events().stream().map(e -> e.getString(CollectEvent.ID_FIELD)).toList();
        }
    }

    /** A scripted answer. */
    record Reply(int status, Map<String, String> headers, String body, boolean hang) {

        static Reply status(int status, String lyticsMessage) {
            return new Reply(status, Map.of(), "{\"status\":" + status + ",\"message\":\"" + lyticsMessage
                    + "\",\"data\":null}", false);
        }

        static Reply status(int status, String lyticsMessage, String header, String value) {
            return new Reply(status, Map.of(header, value), "{\"status\":" + status + ",\"message\":\""
                    + lyticsMessage + "\",\"data\":null}", false);
        }

        static Reply ok(int messageCount, int rejectedCount) {
            return new Reply(200, Map.of(), "{\"status\":200,\"message\":\"success\",\"data\":{\"message_count\":"
                    + messageCount + ",\"rejected_count\":" + rejectedCount + "}}", false);
        }

        static Reply raw(int status, String contentType, String body) {
            return new Reply(status, Map.of("Content-Type", contentType), body, false);
        }

        static Reply hanging() {
            return new Reply(0, Map.of(), "", true);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "collect-stub");
        t.setDaemon(true);
        return t;
    });
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    private volatile Reply otherwise;
    private final CountDownLatch release = new CountDownLatch(1);

    CollectStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** @return the base URI to give the Lytics client */
    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers the next requests with these replies, in order, then with {@link #otherwise(Reply)} or success. */
    CollectStub thenReply(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /** Answers every request not covered by the script with {@code reply} (null = success). */
    CollectStub otherwise(Reply reply) {
        this.otherwise = reply;
        return this;
    }

    /** Lets every hanging request (and every later one scripted to hang) answer 503. */
    void releaseHangs() {
        release.countDown();
    }

    /** @return every request received so far, in arrival order */
    List<Received> received() {
        return new ArrayList<>(received);
    }

    /** @return the {@code _eid}s of every event received so far, over all requests, in order */
    List<String> receivedIds() {
        return received().stream().flatMap(r -> r.eventIds().stream()).toList();
    }

    /** @return the size of each request, in events */
    List<Integer> batchSizes() {
        return received().stream().map(r -> r.events().size()).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            received.add(new Received(exchange.getRequestURI().getPath(), body, System.nanoTime(),
                    Map.copyOf(exchange.getRequestHeaders())));
            Reply reply = script.poll();
            if (reply == null) {
                reply = otherwise;
            }
            if (reply == null) {
                int count = new Received("", body, 0, Map.of()).events().size();
                reply = new Reply(200, Map.of(), "{\"status\":200,\"message\":\"success\",\"data\":{\"message_count\":"
                        + count + ",\"rejected_count\":0,\"content-type\":\"application/json\",\"droperrors\":false,"
                        + "\"dryrun\":false}}", false);
            }
            if (reply.hang()) {
                awaitRelease();
                reply = Reply.status(503, "released");
            }
            byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.sendResponseHeaders(reply.status(), out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        }
    }

    private void awaitRelease() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static boolean isArrayOfObjects(byte[] body) {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            return reader.readArray().stream().allMatch(v -> v.getValueType() == JsonValue.ValueType.OBJECT);
        }
    }
}
