package io.lytx.servlet.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lytx.client.LyticsClient;
import io.lytx.client.testing.RecordedRequest;
import io.lytx.client.testing.StubLyticsExtension;
import io.lytx.client.testing.StubResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class UpstreamWarmupTest {

    private static final String NOT_FOUND = "{\"data\":null,\"message\":\"Not Found\",\"status\":200,"
            + "\"meta\":{\"segments\":[\"not_found\",\"all\"]}}";

    @RegisterExtension
    final StubLyticsExtension lytics = new StubLyticsExtension();

    @Test
    void looksUpTheWarmupIdOnceAndReportsTheAnswer() {
        lytics.server().enqueue(StubResponse.json(200, NOT_FOUND));

        boolean answered = UpstreamWarmup.run(lytics.client(), Duration.ofSeconds(5));

        assertThat(answered).as("Lytics answered Not Found within the wait").isTrue();
        assertThat(lytics.server().requests()).as("what the upstream received").hasSize(1);
        RecordedRequest r = lytics.server().requests().get(0);
        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.path()).isEqualTo("/api/entity/user/_uids/" + UpstreamWarmup.WARMUP_ID);
    }

    @Test
    void anErrorAnswerStillCountsAsWarmedAndDoesNotThrow() {
        lytics.server().enqueue(StubResponse.json(500, "{\"status\":500,\"message\":\"boom\"}"));

        assertThat(UpstreamWarmup.run(lytics.client(), Duration.ofSeconds(5)))
                .as("a 500 went through the whole HTTP and JSON path").isTrue();
    }

    @Test
    void zeroWaitMeansNoRequestAtAll() {
        assertThat(UpstreamWarmup.run(lytics.client(), Duration.ZERO)).isFalse();
        assertThat(lytics.server().requestCount()).as("requests sent with lytics.warmup.ms=0").isZero();
    }

    @Test
    void anUpstreamThatNeverAnswersIsGivenUpAndTheCallCut() {
        lytics.server().enqueue(StubResponse.hang());

        boolean answered = UpstreamWarmup.run(lytics.client(), Duration.ofMillis(200));

        assertThat(answered).as("no answer from a hung upstream").isFalse();
        // the call's deadline may fire before the request leaves a busy machine; one that arrived must be cut
        await().atMost(Duration.ofSeconds(5)).until(() -> lytics.server().clientClosedTheConnectionsOfRequestsFrom(0));
    }

    @Test
    void aCallThatFailsAtOnceIsLoggedWithWhatFailedNotAsNoAnswerInTime() throws IOException {
        // input: a Lytics URL whose port nobody listens on (connection refused at once), a 5 s wait
        URI closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
        }
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
                // kept in memory
            }

            @Override
            public void close() {
                // kept in memory
            }
        };
        Logger log = Logger.getLogger(UpstreamWarmup.class.getName());
        log.addHandler(capture);
        try (LyticsClient client = LyticsClient.builder().baseUri(closedPort).token("tok").build()) {
            assertThat(UpstreamWarmup.run(client, Duration.ofSeconds(5))).as("no answer from a closed port").isFalse();
        } finally {
            log.removeHandler(capture);
        }
        // must hold: one warning naming the failure and how soon it came, not "did not answer within 5000 ms"
        assertThat(logged).as("records of the warm-up").hasSize(1);
        LogRecord record = logged.get(0);
        assertThat(record.getLevel()).isEqualTo(Level.WARNING);
        assertThat(record.getMessage()).contains("warm-up failed after").contains("ConnectException")
                .doesNotContain("within 5000 ms");
    }
}
