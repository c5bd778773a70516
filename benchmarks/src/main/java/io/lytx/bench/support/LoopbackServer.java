package io.lytx.bench.support;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The JDK's HTTP server on a free port of 127.0.0.1 with a fixed pool of daemon request threads, as the
 * harness's stub upstreams use it. Sets {@code sun.net.httpserver.nodelay=true} unless it is already set
 * (the JDK server writes headers and body separately; without TCP_NODELAY a client's delayed ACK stalls
 * every answer by tens of milliseconds; the JDK reads the property once, when its first server starts).
 * Thread-safe; {@link #close()} stops the server at once and its threads.
 */
public final class LoopbackServer implements AutoCloseable {

    static {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;

    private LoopbackServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts a server whose every path goes to {@code handler}.
     *
     * @param threadName name of the request threads
     * @param threads    request threads, at least 1
     * @param backlog    the listening socket's backlog
     * @param handler    answers every request
     * @return the running server
     * @throws IOException if the port cannot be bound
     */
    public static LoopbackServer start(String threadName, int threads, int backlog, HttpHandler handler)
            throws IOException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), backlog);
        ExecutorService executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", handler);
        server.start();
        return new LoopbackServer(server, executor);
    }

    /** @return {@code http://127.0.0.1:<port>/} */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Stops the server at once and its threads. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
