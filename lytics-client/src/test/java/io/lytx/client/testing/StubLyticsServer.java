package io.lytx.client.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A small HTTP/1.1 server for testing HTTP clients against real sockets, in the spirit of okhttp's
 * {@code MockWebServer}: enqueue canned {@link StubResponse}s (or set a dispatcher), run the client,
 * then inspect the {@link RecordedRequest}s exactly as they came over the wire (raw request line,
 * raw target, headers, de-chunked body, which connection carried them).
 *
 * <p>It is written on a plain {@link ServerSocket} (not the JDK's {@code HttpServer}) so that
 * nothing is normalized or decoded before it is recorded, and so that it can notice a client
 * closing a connection: while {@linkplain StubResponse#hang() hanging} or
 * {@linkplain StubResponse#withDelay delaying} an answer, or when a client stops
 * reading a large body ({@link #connectionsClosedByClient()}, {@link #abortedResponses()}).
 *
 * <p>Binds 127.0.0.1 on a free port. Keeps connections alive (HTTP/1.1), one thread per connection.
 * Thread-safe. Use in try-with-resources or close it in {@code @AfterEach}.
 *
 * <pre>{@code
 * try (StubLyticsServer server = StubLyticsServer.start()) {
 *     server.enqueue(StubResponse.json(200, "{\"data\":{},\"message\":\"success\",\"status\":200}"));
 *     ... call server.baseUri() ...
 *     RecordedRequest r = server.takeRequest();
 *     assertThat(r.requestLine()).isEqualTo("GET /api/segment HTTP/1.1");
 * }
 * }</pre>
 */
public final class StubLyticsServer implements AutoCloseable {

    private static final int MAX_LINE = 64 * 1024;
    private static final String DEFAULT_BODY = "{\"data\":null,\"message\":\"no stub response enqueued\",\"status\":404}";

    private final ServerSocket serverSocket;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "stub-lytics-server");
        t.setDaemon(true);
        return t;
    });
    private final ConcurrentLinkedQueue<StubResponse> queue = new ConcurrentLinkedQueue<>();
    private final LinkedBlockingQueue<RecordedRequest> received = new LinkedBlockingQueue<>();
    private final List<RecordedRequest> all = new CopyOnWriteArrayList<>();
    private final Set<Integer> closedByClient = ConcurrentHashMap.newKeySet();
    private final AtomicInteger aborted = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile Function<RecordedRequest, StubResponse> dispatcher;
    private volatile boolean closed;

    private StubLyticsServer() throws IOException {
        serverSocket = new ServerSocket();
        serverSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        threads.execute(this::acceptLoop);
    }

    /**
     * @return a started server on 127.0.0.1 and a free port
     * @throws IllegalStateException when no port can be bound
     */
    public static StubLyticsServer start() {
        try {
            return new StubLyticsServer();
        } catch (IOException e) {
            throw new IllegalStateException("cannot bind a loopback port", e);
        }
    }

    /** @return {@code http://127.0.0.1:<port>} */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + serverSocket.getLocalPort());
    }

    /** @return the bound port */
    public int port() {
        return serverSocket.getLocalPort();
    }

    /**
     * Queues an answer; queued answers are used first, in order.
     *
     * @param response the answer
     * @return this
     */
    public StubLyticsServer enqueue(StubResponse response) {
        queue.add(response);
        return this;
    }

    /**
     * Sets the function that answers requests when the queue is empty (default: a 404 JSON error).
     *
     * @param dispatcher request → answer; called on the connection's thread
     * @return this
     */
    public StubLyticsServer dispatcher(Function<RecordedRequest, StubResponse> dispatcher) {
        this.dispatcher = dispatcher;
        return this;
    }

    /**
     * Takes the next request in arrival order, waiting up to 10 s for it.
     *
     * @return the request
     * @throws AssertionError when none arrives
     */
    public RecordedRequest takeRequest() {
        try {
            RecordedRequest r = received.poll(10, TimeUnit.SECONDS);
            if (r == null) {
                throw new AssertionError("no request arrived at the stub server within 10 s");
            }
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a request", e);
        }
    }

    /** @return every request received so far, in arrival order */
    public List<RecordedRequest> requests() {
        return List.copyOf(all);
    }

    /** @return how many requests were received */
    public int requestCount() {
        return all.size();
    }

    /** @return ids of connections the client closed while the server was hanging or writing */
    public Set<Integer> connectionsClosedByClient() {
        return Set.copyOf(closedByClient);
    }

    /**
     * Whether the client closed the connection of every request received from the {@code first}-th
     * (counted from 0) on, while the server was hanging or writing; true when none was received.
     *
     * <p>For calls cut by the client's own deadline: that deadline is a timer started with the call, and
     * on a busy machine it can fire before the request leaves the client, so that no connection carries
     * the request. Whichever stage the deadline catches, no connection carrying the request may stay open.
     *
     * @param first index of the first request of interest, in arrival order
     * @return whether each of those requests' connections was closed by the client
     */
    public boolean clientClosedTheConnectionsOfRequestsFrom(int first) {
        List<RecordedRequest> arrived = requests();
        return arrived.subList(Math.min(first, arrived.size()), arrived.size()).stream()
                .allMatch(r -> closedByClient.contains(r.connectionId()));
    }

    /** @return how many answers could not be written whole because the client closed the connection */
    public int abortedResponses() {
        return aborted.get();
    }

    /** @return how many TCP connections were accepted */
    public int connectionCount() {
        return connections.get();
    }

    /** Stops accepting, closes every connection and the threads. Idempotent. */
    @Override
    public void close() {
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        threads.shutdownNow();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = serverSocket.accept();
                int id = connections.incrementAndGet();
                open.add(s);
                threads.execute(() -> serve(s, id));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket, int id) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (!closed) {
                RecordedRequest request = readRequest(in, id);
                if (request == null) {
                    return;
                }
                all.add(request);
                received.add(request);
                StubResponse response = next(request);
                if (!response.delay().isZero() && !waitUnlessClosed(socket, in, response.delay(), id)) {
                    return;
                }
                if (response.hangs()) {
                    if (response.status() > 0) {
                        writeStalledStart(out, response);
                    }
                    waitForClientClose(in, id);
                    return;
                }
                if (!write(out, response)) {
                    aborted.incrementAndGet();
                    closedByClient.add(id);
                    return;
                }
                if (request.header("Connection").map(v -> v.equalsIgnoreCase("close")).orElse(false)) {
                    return;
                }
            }
        } catch (IOException e) {
            // client went away between requests
        } finally {
            open.remove(socket);
        }
    }

    private StubResponse next(RecordedRequest request) {
        StubResponse r = queue.poll();
        if (r != null) {
            return r;
        }
        Function<RecordedRequest, StubResponse> d = dispatcher;
        return d != null ? d.apply(request) : StubResponse.json(404, DEFAULT_BODY);
    }

    /** Waits up to {@code delay} while watching the socket; false when the client closed it meanwhile. */
    private boolean waitUnlessClosed(Socket socket, InputStream in, Duration delay, int id) throws IOException {
        socket.setSoTimeout((int) Math.max(1, delay.toMillis()));
        in.mark(1);
        try {
            if (in.read() < 0) {
                closedByClient.add(id);
                return false;
            }
            in.reset();
            return true;
        } catch (SocketTimeoutException elapsed) {
            return true;
        } catch (IOException reset) {
            closedByClient.add(id);
            return false;
        } finally {
            if (!socket.isClosed()) {
                socket.setSoTimeout(0);
            }
        }
    }

    private void waitForClientClose(InputStream in, int id) {
        try {
            while (in.read() >= 0) {
                // discard anything the client sends while we hang
            }
            closedByClient.add(id);
        } catch (IOException e) {
            if (!closed) {
                closedByClient.add(id);
            }
        }
    }

    private RecordedRequest readRequest(InputStream in, int id) throws IOException {
        String line = readLine(in);
        while (line != null && line.isEmpty()) {
            line = readLine(in);
        }
        if (line == null) {
            return null;
        }
        String[] parts = line.split(" ", 3);
        if (parts.length != 3) {
            throw new IOException("malformed request line");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        String h;
        while ((h = readLine(in)) != null && !h.isEmpty()) {
            int colon = h.indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(h.substring(colon + 1).trim());
            }
        }
        boolean chunked = headers.getOrDefault("transfer-encoding", List.of()).stream()
                .anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("chunked"));
        byte[] body;
        if (chunked) {
            body = readChunked(in);
        } else {
            long len = Long.parseLong(headers.getOrDefault("content-length", List.of("0")).get(0));
            body = in.readNBytes((int) len);
        }
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        headers.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return new RecordedRequest(line, parts[0], parts[1], Collections.unmodifiableMap(frozen), body, chunked, id);
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            if (sizeLine == null) {
                throw new IOException("eof in chunked body");
            }
            int semi = sizeLine.indexOf(';');
            int size = Integer.parseInt((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
            if (size == 0) {
                String trailer;
                while ((trailer = readLine(in)) != null && !trailer.isEmpty()) {
                    // trailers are ignored
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            readLine(in);
        }
    }

    /** Reads a CRLF-terminated line as ISO-8859-1 (bytes kept one to one); null at end of stream. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                byte[] b = line.toByteArray();
                int n = b.length > 0 && b[b.length - 1] == '\r' ? b.length - 1 : b.length;
                return new String(b, 0, n, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("line too long");
            }
            line.write(c);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private static boolean write(OutputStream out, StubResponse r) {
        try {
            StringBuilder head = new StringBuilder("HTTP/1.1 ").append(r.status()).append(' ').append(reason(r.status())).append("\r\n");
            for (Map.Entry<String, String> h : r.headers()) {
                head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
            }
            if (r.generatedBytes() > 0) {
                head.append(r.declareLength() ? "Content-Length: " + r.generatedBytes() : "Transfer-Encoding: chunked").append("\r\n\r\n");
                out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                writeGenerated(out, r.generatedBytes(), !r.declareLength());
            } else {
                boolean noBody = r.status() == 204 || r.status() == 304;
                if (!noBody) {
                    head.append("Content-Length: ").append(r.body().length).append("\r\n");
                }
                head.append("\r\n");
                out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                if (!noBody) {
                    out.write(r.body());
                }
            }
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void writeStalledStart(OutputStream out, StubResponse r) throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(r.status()).append(' ').append(reason(r.status())).append("\r\n");
        for (Map.Entry<String, String> h : r.headers()) {
            head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        }
        head.append("Content-Length: ").append(1024 * 1024).append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(r.body());
        out.flush();
    }

    private static void writeGenerated(OutputStream out, long total, boolean chunked) throws IOException {
        byte[] prefix = "{\"data\":{\"pad\":\"".getBytes(StandardCharsets.US_ASCII);
        byte[] suffix = "\"}}".getBytes(StandardCharsets.US_ASCII);
        byte[] chunk = new byte[16 * 1024];
        java.util.Arrays.fill(chunk, (byte) 'x');
        long middle = total - prefix.length - suffix.length;
        writePart(out, prefix, prefix.length, chunked);
        while (middle > 0) {
            int n = (int) Math.min(chunk.length, middle);
            writePart(out, chunk, n, chunked);
            middle -= n;
        }
        writePart(out, suffix, suffix.length, chunked);
        if (chunked) {
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static void writePart(OutputStream out, byte[] b, int n, boolean chunked) throws IOException {
        if (chunked) {
            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        out.write(b, 0, n);
        if (chunked) {
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 204 -> "No Content";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 413 -> "Payload Too Large";
            case 422 -> "Unprocessable Entity";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }
}
