package io.lytx.bench.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lytx.bench.sink.StubUpstream;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The upstream of the hung run relays to a working upstream until it hangs, then answers nothing. */
class HangingUpstreamTest {

    private static String firstLine(Socket socket, String path) throws Exception {
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
    }

    @Test
    void relaysUntilHangThenLeavesOpenAndNewConnectionsUnanswered() throws Exception {
        // input: a profile lookup through the relay to the stub, then hang(), then the same request on the same
        // connection and on a new one; must hold: the first is answered 200; after hang() neither gets a single
        // byte before the socket's read timeout (the hang is the absence of an answer, so a read timeout is how it shows)
        try (StubUpstream stub = StubUpstream.start(2);
             HangingUpstream upstream = new HangingUpstream(stub.baseUri());
             Socket open = new Socket(InetAddress.getLoopbackAddress(), upstream.baseUri().getPort())) {
            assertThat(firstLine(open, "/api/entity/user/_uids/a")).startsWith("HTTP/1.1 200");
            assertThat(upstream.hungAtNanos()).isZero();

            upstream.hang();

            assertThat(upstream.hungAtNanos()).isNotZero();
            open.setSoTimeout(300);
            assertThatThrownBy(() -> firstLine(open, "/api/entity/user/_uids/a")).isInstanceOf(SocketTimeoutException.class);
            try (Socket fresh = new Socket(InetAddress.getLoopbackAddress(), upstream.baseUri().getPort())) {
                fresh.setSoTimeout(300);
                assertThatThrownBy(() -> firstLine(fresh, "/api/entity/user/_uids/a")).isInstanceOf(SocketTimeoutException.class);
            }
        }
    }
}
