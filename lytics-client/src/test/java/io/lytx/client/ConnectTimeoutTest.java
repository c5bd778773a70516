package io.lytx.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lytx.client.error.LyticsTimeoutException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A listener that never accepts, with its backlog already full, leaves new connections unanswered
 * (Linux drops their SYN): the client must give up at its connect timeout, not hang.
 */
class ConnectTimeoutTest {

    @Test
    void unansweredConnectEndsAtTheConnectTimeout() throws IOException {
        List<Socket> fillers = new ArrayList<>();
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort());
            for (int i = 0; i < 3; i++) {
                Socket s = new Socket();
                try {
                    s.connect(address, 200);
                } catch (IOException full) {
                    // the backlog is full: exactly the state this test needs
                }
                fillers.add(s);
            }
            URI base = URI.create("http://127.0.0.1:" + listener.getLocalPort());
            try (LyticsClient client = LyticsClient.builder().baseUri(base).token("tok")
                    .connectTimeout(Duration.ofMillis(300)).build()) {
                long start = System.nanoTime();
                assertThatThrownBy(() -> client.accounts().current()).isInstanceOf(LyticsTimeoutException.class);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(250), Duration.ofSeconds(5));
            }
        } finally {
            for (Socket s : fillers) {
                s.close();
            }
        }
    }
}
