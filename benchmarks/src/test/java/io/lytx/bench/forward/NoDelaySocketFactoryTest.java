package io.lytx.bench.forward;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** Segment's HTTP client in the race gets TCP_NODELAY sockets only when asked to. */
class NoDelaySocketFactoryTest {

    @Test
    void aConnectedSocketKeepsTcpNoDelay() throws Exception {
        // input: a loopback connection made by the factory; must hold: TCP_NODELAY on once connected
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket socket = new NoDelaySocketFactory().createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
            assertThat(socket.isConnected()).isTrue();
            assertThat(socket.getTcpNoDelay()).isTrue();
        }
    }

    @Test
    void segmentsClientUsesTheFactoryOnlyWhenAsked() throws Exception {
        // input: the race's OkHttp client with and without TCP_NODELAY
        // must hold: with it, the factory; without it, OkHttp's default sockets, whose TCP_NODELAY is off
        assertThat(ForwardingRace.segmentHttpClient(true).socketFactory()).isInstanceOf(NoDelaySocketFactory.class);
        try (Socket plain = ForwardingRace.segmentHttpClient(false).socketFactory().createSocket()) {
            assertThat(plain.getTcpNoDelay()).isFalse();
        }
    }
}
