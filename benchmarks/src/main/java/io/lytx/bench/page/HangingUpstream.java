package io.lytx.bench.page;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An upstream on 127.0.0.1 that hangs like a hung Lytics: it accepts TCP connections and never
 * answers, so every call waits until the caller's own timeout. Either from the start
 * ({@link #HangingUpstream()}), or after a healthy period ({@link #HangingUpstream(URI)}): until
 * {@link #hang()} it relays every connection byte for byte to a working upstream; from then on it
 * relays nothing more in either direction, on open connections as on new ones (a request already
 * sent gets no answer; an answer not yet relayed is withheld). Thread-safe; holds the sockets until
 * {@link #close()}.
 */
final class HangingUpstream implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private final URI target;
    private final Object gate = new Object();
    private volatile boolean hanging;
    private volatile boolean closed;
    private volatile long hungAtNanos;

    /** Hangs from the first connection. */
    HangingUpstream() throws IOException {
        this(null);
    }

    /**
     * @param target the working upstream to relay to until {@link #hang()} (loopback), or null to hang at once
     * @throws IOException if the listening socket cannot be opened
     */
    HangingUpstream(URI target) throws IOException {
        this.target = target;
        this.hanging = target == null;
        server = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::accept, "hanging-upstream");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                held.add(client);
                if (!hanging) {
                    Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target.getPort());
                    upstream.setTcpNoDelay(true);
                    client.setTcpNoDelay(true);
                    held.add(upstream);
                    relay(client, upstream);
                    relay(upstream, client);
                }
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                } // else: the working upstream refused one connection; the caller sees it closed
            }
        }
    }

    private void relay(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    waitWhileHanging();
                    if (closed) {
                        return;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // either side closed
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "hanging-upstream-relay");
        t.setDaemon(true);
        t.start();
    }

    private void waitWhileHanging() throws InterruptedException {
        synchronized (gate) {
            while (hanging && !closed) {
                gate.wait();
            }
        }
    }

    /** From now on nothing more is relayed, on open and new connections alike. */
    void hang() {
        hungAtNanos = System.nanoTime();
        hanging = true;
    }

    /** @return {@link System#nanoTime()} when {@link #hang()} was called, 0 before */
    long hungAtNanos() {
        return hungAtNanos;
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/");
    }

    /** @return sockets held so far (connections accepted, plus those opened to the working upstream) */
    int connections() {
        return held.size();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        synchronized (gate) {
            gate.notifyAll();
        }
        server.close();
        for (Socket s : held) {
            s.close();
        }
    }
}
