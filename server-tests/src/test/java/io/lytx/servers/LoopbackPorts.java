package io.lytx.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Free TCP ports on 127.0.0.1, picked by the kernel. Thread-safe (stateless). */
final class LoopbackPorts {

    private LoopbackPorts() {
    }

    /**
     * Picks distinct free ports; all are held open until every one is picked, then released for the
     * server to bind (a small window in which another process could take one: the server then fails
     * to start, loudly).
     *
     * @param count how many
     * @return the ports
     */
    static List<Integer> free(int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                held.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return held.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        } finally {
            for (ServerSocket s : held) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // a port we only looked at
                }
            }
        }
    }
}
