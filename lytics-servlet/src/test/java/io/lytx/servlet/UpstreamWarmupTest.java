package io.lytx.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lytx.client.testing.RecordedRequest;
import io.lytx.client.testing.StubLyticsExtension;
import io.lytx.client.testing.StubResponse;
import java.time.Duration;
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
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(lytics.server().connectionsClosedByClient())
                .as("the warm-up call is cut, its connection closed").isNotEmpty());
    }
}
