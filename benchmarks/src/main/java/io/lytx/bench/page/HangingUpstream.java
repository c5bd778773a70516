package io.lytx.bench.page;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An upstream that accepts TCP connections on 127.0.0.1 and never answers (a hung Lytics): every
 * call waits until the caller's own timeout. Holds the sockets until {@link #close()}.
 */
final class HangingUpstream implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    HangingUpstream() throws IOException {
        server = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    held.add(server.accept());
                } catch (IOException e) {
                    return; // closed
                }
            }
        }, "hanging-upstream");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/");
    }

    /** @return connections accepted so far */
    int connections() {
        return held.size();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : held) {
            s.close();
        }
    }
}
