package io.lytx.bench.sink;

import com.sun.net.httpserver.HttpExchange;
import io.lytx.bench.support.LoopbackServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal local upstream on 127.0.0.1 (free port) that answers like the two batch endpoints the
 * benchmarks post to, and like a Lytics profile lookup:
 * <ul>
 *   <li>{@code POST /collect/json/{stream}}: Lytics' collection envelope; events are counted by the
 *       occurrences of {@code "_eid"} (one per event the collector sends);</li>
 *   <li>{@code POST .../v1/...}: Segment's batch answer {@code {"success":true}}; events are counted by
 *       the occurrences of {@code "messageId"} (one per Segment message);</li>
 *   <li>{@code GET /api/entity/...}: one fixed, known profile (segments {@code all}, {@code vip});</li>
 *   <li>{@code GET /api/content/...}: an empty list.</li>
 * </ul>
 * It reads every body in full and keeps nothing of it, so its memory stays flat however many events
 * arrive; it logs each batch POST's events, bytes and times ({@link #lyticsPosts()},
 * {@link #segmentPosts()}).
 * Thread-safe; {@link #close()} stops it.
 */
public final class StubUpstream implements AutoCloseable {

    private static final byte[] LYTICS_MARKER = "\"_eid\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEGMENT_MARKER = "\"messageId\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ENTITY = ("{\"status\":200,\"message\":\"success\","
            + "\"meta\":{\"name\":\"user\",\"format\":\"json\",\"by_fields\":[\"_uids\",\"email\"]},"
            + "\"data\":{\"_uids\":[\"bench\"],\"first_name\":\"Pat\",\"visitct\":\"17\",\"country\":\"US\","
            + "\"segments\":[\"all\",\"vip\",\"us_visitors\"],"
            + "\"segments_all\":[\"3f2a9c0e5b7d4e1f8a6b2c3d4e5f6a7b\",\"9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e\"]}}")
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] EMPTY_LIST = "{\"status\":200,\"message\":\"success\",\"data\":[]}"
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] SEGMENT_OK = "{\"success\":true}".getBytes(StandardCharsets.UTF_8);


    /** {@code -Dbench.stub.debug=true} prints every request line to stderr. */
    private static final boolean DEBUG = Boolean.getBoolean("bench.stub.debug");

    private final LoopbackServer server;
    private final AtomicLong lyticsEvents = new AtomicLong();
    private final AtomicLong segmentEvents = new AtomicLong();
    private final AtomicLong entityCalls = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong bodyBytes = new AtomicLong();
    /** Longest time a batch POST is held by {@link #holdPosts()}. */
    static final long MAX_HOLD_MILLIS = 30_000;

    private final Object gate = new Object();
    private boolean holding;
    private int waiting;
    private final PostLog lyticsPosts = new PostLog("lytics");
    private final PostLog segmentPosts = new PostLog("segment");

    private StubUpstream(int threads) throws IOException {
        server = LoopbackServer.start("stub-upstream", threads, 128, this::handle);
    }

    /**
     * Starts a stub on a free loopback port.
     *
     * @param threads request threads, at least 1
     * @return the running stub
     * @throws IOException if the port cannot be bound
     */
    public static StubUpstream start(int threads) throws IOException {
        return new StubUpstream(threads);
    }

    /** @return {@code http://127.0.0.1:<port>/} */
    public URI baseUri() {
        return server.baseUri();
    }

    /** @return events received on {@code /collect/json} */
    public long lyticsEvents() {
        return lyticsEvents.get();
    }

    /** @return events received on Segment's batch path */
    public long segmentEvents() {
        return segmentEvents.get();
    }

    /** @return profile lookups answered */
    public long entityCalls() {
        return entityCalls.get();
    }

    /** @return batch POSTs counted */
    public long batches() {
        return batches.get();
    }

    /** @return request body bytes read */
    public long bodyBytes() {
        return bodyBytes.get();
    }

    /** @return the batch POSTs to {@code /collect/json}, with their times */
    public PostLog lyticsPosts() {
        return lyticsPosts;
    }

    /** @return the batch POSTs to Segment's path, with their times */
    public PostLog segmentPosts() {
        return segmentPosts;
    }

    /**
     * From now on, a batch POST waits before it is read until {@link #releasePosts()} (at most
     * {@value #MAX_HOLD_MILLIS} ms): a collector's worker then blocks on its one call in flight and
     * stays off the CPU while a benchmark measures the request thread. Other requests are answered.
     */
    public void holdPosts() {
        synchronized (gate) {
            holding = true;
        }
    }

    /** Lets held and later batch POSTs through. */
    public void releasePosts() {
        synchronized (gate) {
            holding = false;
            gate.notifyAll();
        }
    }

    /** @return batch POSTs waiting for {@link #releasePosts()} now */
    public int postsWaiting() {
        synchronized (gate) {
            return waiting;
        }
    }

    private void awaitRelease() {
        long end = System.currentTimeMillis() + MAX_HOLD_MILLIS;
        synchronized (gate) {
            waiting++;
            try {
                long left;
                while (holding && (left = end - System.currentTimeMillis()) > 0) {
                    gate.wait(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                waiting--;
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        if ("POST".equals(exchange.getRequestMethod())) {
            awaitRelease();
        }
        long start = System.nanoTime();
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (DEBUG) {
                System.err.println("stub: " + exchange.getRequestMethod() + " " + exchange.getRequestURI()
                        + " " + exchange.getRequestHeaders().entrySet());
            }
            if ("POST".equals(exchange.getRequestMethod())) {
                boolean segment = path.contains("/v1/");
                long[] read = countAndDiscard(exchange.getRequestBody(), segment ? SEGMENT_MARKER : LYTICS_MARKER);
                long events = read[0];
                long bodyRead = System.nanoTime() - start;
                (segment ? segmentPosts : lyticsPosts).record(events, read[1], bodyRead);
                batches.incrementAndGet(); // counted after the log: whoever sees the events counted finds the request there
                (segment ? segmentEvents : lyticsEvents).addAndGet(events);
                if (segment) {
                    reply(exchange, 200, SEGMENT_OK);
                } else {
                    reply(exchange, 200, ("{\"status\":200,\"message\":\"success\",\"data\":{\"message_count\":" + events
                            + ",\"rejected_count\":0,\"content-type\":\"application/json\",\"droperrors\":false,"
                            + "\"dryrun\":false}}").getBytes(StandardCharsets.UTF_8));
                }
            } else if (path.startsWith("/api/entity/")) {
                entityCalls.incrementAndGet();
                reply(exchange, 200, ENTITY);
            } else if (path.startsWith("/api/content/")) {
                reply(exchange, 200, EMPTY_LIST);
            } else {
                reply(exchange, 404, "{\"status\":404,\"message\":\"Not Found\",\"data\":null}"
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /**
     * Reads the whole body, counting occurrences of {@code marker} (which has no repeated prefix).
     *
     * @return {occurrences, bytes read}
     */
    private long[] countAndDiscard(InputStream in, byte[] marker) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long count = 0;
        long total = 0;
        int matched = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            if (DEBUG && total == 0) {
                System.err.println("stub: body starts " + new String(buf, 0, Math.min(n, 400), StandardCharsets.UTF_8));
            }
            total += n;
            for (int i = 0; i < n; i++) {
                byte b = buf[i];
                if (b == marker[matched]) {
                    matched++;
                    if (matched == marker.length) {
                        count++;
                        matched = 0;
                    }
                } else {
                    matched = b == marker[0] ? 1 : 0;
                }
            }
        }
        bodyBytes.addAndGet(total);
        return new long[] {count, total};
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
