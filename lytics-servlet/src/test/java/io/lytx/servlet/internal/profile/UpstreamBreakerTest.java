package io.lytx.servlet.internal.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.lytx.client.error.LyticsApiException;
import io.lytx.client.error.LyticsConnectionException;
import io.lytx.client.error.LyticsResponseException;
import io.lytx.client.error.LyticsTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which failures count against Lytics' health, and how the breaker's state follows them. */
class UpstreamBreakerTest {

    private static final ProfileSettings SETTINGS = ProfileSettings.defaults()
            .withBreakerWindow(4, 3).withOpenFor(Duration.ofMinutes(5));

    private static LyticsApiException answer(int status) {
        return new LyticsApiException("GET /api/entity/user/{field}/{value}", status, "from the test");
    }

    @ParameterizedTest(name = "HTTP {0} is Lytics refusing one request, not Lytics in trouble")
    @ValueSource(ints = {400, 401, 403, 404, 413, 422})
    void promptRefusalsAreNotTrouble(int status) {
        assertThat(UpstreamBreaker.isPromptRefusal(answer(status))).isTrue();
        assertThat(UpstreamBreaker.isUpstreamTrouble(answer(status))).isFalse();
    }

    @ParameterizedTest(name = "HTTP {0} is trouble")
    @ValueSource(ints = {408, 429, 500, 502, 503, 504})
    void overloadAndServerErrorsAreTrouble(int status) {
        assertThat(UpstreamBreaker.isUpstreamTrouble(answer(status))).isTrue();
        assertThat(UpstreamBreaker.isPromptRefusal(answer(status))).isFalse();
    }

    @Test
    void timeoutsBrokenConnectionsAndGarbageAreTroubleButLocalFailuresAreNot() {
        assertThat(UpstreamBreaker.isUpstreamTrouble(new LyticsTimeoutException("deadline", null))).isTrue();
        assertThat(UpstreamBreaker.isUpstreamTrouble(new LyticsConnectionException("refused", null))).isTrue();
        assertThat(UpstreamBreaker.isUpstreamTrouble(new LyticsResponseException("not JSON"))).isTrue();
        assertThat(UpstreamBreaker.isUpstreamTrouble(new UnavailableException(Outcomes.TIMEOUT))).isTrue();
        assertThat(UpstreamBreaker.isUpstreamTrouble(new IllegalArgumentException("value"))).isFalse();
        assertThat(UpstreamBreaker.isUpstreamTrouble(new RejectedExecutionException("queue full"))).isFalse();
    }

    @Test
    void localFailuresGiveThePermissionBackAndNeverOpenTheBreaker() {
        UpstreamBreaker breaker = new UpstreamBreaker(SETTINGS);

        for (int i = 0; i < 20; i++) {
            assertThat(breaker.tryAcquire()).isTrue();
            breaker.record(1_000, new CompletionException(new IllegalArgumentException("refused locally")));
        }

        assertThat(breaker.state()).isEqualTo("CLOSED");
        assertThat(breaker.transitions()).isZero();
    }

    @Test
    void threeTimeoutsInTheWindowOpenItAndThenNoCallIsPermitted() {
        UpstreamBreaker breaker = new UpstreamBreaker(SETTINGS);

        for (int i = 0; i < 3; i++) {
            assertThat(breaker.tryAcquire()).isTrue();
            breaker.record(150_000_000, new LyticsTimeoutException("deadline", null));
        }

        assertThat(breaker.state()).isEqualTo("OPEN");
        assertThat(breaker.tryAcquire()).isFalse();
        assertThat(breaker.transitions()).isEqualTo(1);
    }

    @Test
    void answersSlowerThanTheSlowCallThresholdOpenItToo() {
        UpstreamBreaker breaker = new UpstreamBreaker(SETTINGS);
        long slow = SETTINGS.slowCallThreshold().plusMillis(5).toNanos();

        for (int i = 0; i < 3; i++) {
            assertThat(breaker.tryAcquire()).isTrue();
            breaker.record(slow, null);
        }

        assertThat(breaker.state()).as("every answer came just under the budget: the page waits too long")
                .isEqualTo("OPEN");
    }
}
