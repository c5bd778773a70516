package io.lytx.servlet.internal.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.benmanes.caffeine.cache.Ticker;
import io.lytx.client.testing.StubResponse;
import io.lytx.servlet.ProfileStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The circuit breaker: repeated timeouts open it, then pages stop waiting and Lytics stops being
 * called, until a half-open probe succeeds. Real HTTP to a loopback upstream that hangs, then heals.
 */
class ProfileBreakerTest {

    private static final Duration BUDGET = Duration.ofMillis(150);
    private static final ProfileSettings SETTINGS = ProfileSettings.defaults()
            .withBudget(BUDGET)
            .withBreakerWindow(4, 3)
            .withOpenFor(Duration.ofSeconds(2))
            .withHalfOpenProbes(2);

    /** For tests about answers rather than time: no call may time out, whatever the machine's load. */
    private static final Duration RELAXED = Duration.ofSeconds(5);

    private final AtomicInteger visitors = new AtomicInteger();
    private final List<LogRecord> warnings = new CopyOnWriteArrayList<>();
    /** Root, so that a warning from the cache, the breaker library or the client would be seen too. */
    private final Logger rootLog = Logger.getLogger("");
    private final Handler warningCatcher = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String from = String.valueOf(record.getLoggerName());
            boolean ours = from.startsWith("io.lytx.servlet.internal.profile") || from.startsWith("io.lytx.client")
                    || from.startsWith("com.github.benmanes.caffeine") || from.startsWith("io.github.resilience4j");
            if (ours && record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private ProfileFixture fixture;
    private ProfileService service;

    @BeforeEach
    void start() throws Exception {
        rootLog.addHandler(warningCatcher);
        fixture = new ProfileFixture();
        service = fixture.service(SETTINGS, Ticker.systemTicker());
    }

    @AfterEach
    void stop() throws Exception {
        rootLog.removeHandler(warningCatcher);
        fixture.close();
    }

    /** A visitor never seen before, so that the cache plays no part. */
    private LookupKey newVisitor() {
        return new LookupKey("_uid", "u_" + (100_000 + visitors.incrementAndGet()));
    }

    private ProfileResult lookup() {
        return service.profile(newVisitor(), Deadline.after(service.settings().budget())).join();
    }

    @Test
    void repeatedTimeoutsOpenTheBreakerThenLookupsAreAnsweredAtOnceWithoutCallingLytics() {
        fixture.answerAll(StubResponse.hang());
        for (int i = 0; i < 3; i++) {
            assertThat(lookup().reason()).isEqualTo("timeout");
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> service.metrics().breakerState().equals("OPEN"));
        long callsBefore = fixture.targets().size();
        long cachedBefore = service.metrics().cachedProfiles();

        for (int i = 0; i < 20; i++) {
            CompletableFuture<ProfileResult> page = service.profile(newVisitor(), Deadline.after(BUDGET));
            assertThat(page).as("no waiting at all while open").isDone();
            assertThat(page.join()).isEqualTo(ProfileResult.unavailable("breaker open"));
        }

        assertThat(fixture.targets()).hasSize((int) callsBefore);
        assertThat(service.metrics().rejected()).isEqualTo(20);
        assertThat(service.metrics().cachedProfiles()).as("20 new visitors refused while open leave no cache entry")
                .isEqualTo(cachedBefore);
        assertThat(warnings).as("one warning for the opening, not one per page").hasSize(1);
        assertThat(warnings.get(0).getMessage()).contains("circuit breaker opened");
    }

    @Test
    void afterTheOpenPeriodSuccessfulProbesCloseTheBreakerAgain() {
        fixture.answerAll(StubResponse.hang());
        for (int i = 0; i < 3; i++) {
            lookup();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> service.metrics().breakerState().equals("OPEN"));

        fixture.answerAll(ProfileFixture.FOUND);

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> lookup().status() == ProfileStatus.KNOWN);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).until(() -> {
            lookup();
            return service.metrics().breakerState().equals("CLOSED");
        });
        assertThat(service.metrics().breakerTransitions())
                .as("closed, open, half-open, closed (a slow probe on a busy machine may add a re-open)")
                .isGreaterThanOrEqualTo(3);
        assertThat(lookup().status()).isEqualTo(ProfileStatus.KNOWN);
        assertThat(warnings).hasSize(1);
    }

    @Test
    void anOutageCostsOneWarningNotOnePerRequest() {
        service = fixture.service(SETTINGS.withBudget(RELAXED), fixture.ticker);
        List<LookupKey> regulars = List.of(newVisitor(), newVisitor(), newVisitor());
        regulars.forEach(key -> service.profile(key, Deadline.after(RELAXED)).join());
        fixture.answerAll(ProfileFixture.SERVER_ERROR);
        fixture.ticker.advance(ProfileSettings.defaults().refreshAfter().plusSeconds(1));

        for (LookupKey key : regulars) {
            assertThat(service.profile(key, Deadline.after(RELAXED)).join().status())
                    .as("stale profile served while its refresh fails").isEqualTo(ProfileStatus.KNOWN);
        }
        for (int i = 0; i < 30; i++) {
            assertThat(lookup().status()).isEqualTo(ProfileStatus.UNAVAILABLE);
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> service.metrics().refreshFailures() == regulars.size());
        assertThat(service.metrics().breakerState()).isEqualTo("OPEN");
        assertThat(warnings).as("failed loads and refreshes log nothing; the breaker opening logs once")
                .extracting(LogRecord::getLoggerName).containsExactly(UpstreamBreaker.class.getName());
    }

    @Test
    void clientErrorsOtherThan408And429DoNotOpenTheBreaker() {
        service = fixture.service(SETTINGS.withBudget(RELAXED), Ticker.systemTicker());
        fixture.answerAll(StubResponse.json(401,
                "{\"status\":401,\"message\":\"Unauthorized\",\"data\":null}"));

        for (int i = 0; i < 10; i++) {
            assertThat(lookup().reason()).isEqualTo("upstream HTTP 401");
        }

        assertThat(service.metrics().breakerState()).isEqualTo("CLOSED");
        assertThat(fixture.targets()).hasSize(10);
    }

    @Test
    void serverErrorsOpenTheBreaker() {
        service = fixture.service(SETTINGS.withBudget(RELAXED), Ticker.systemTicker());
        fixture.answerAll(ProfileFixture.SERVER_ERROR);

        for (int i = 0; i < 3; i++) {
            assertThat(lookup().reason()).isEqualTo("upstream HTTP 500");
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> service.metrics().breakerState().equals("OPEN"));
        assertThat(lookup().reason()).isEqualTo("breaker open");
        assertThat(fixture.targets()).hasSize(3);
    }
}
