package io.lytx.servlet.internal.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lytx.client.testing.StubResponse;
import io.lytx.servlet.ProfileStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Lytics' limits as a node must respect them: a 429 pauses lookups for the time its Retry-After names
 * (5 s when it names none) instead of letting every page try again; a ceiling caps calls per second.
 * (Lytics documents 429 for rate limiting and names no headers; we honour Retry-After when sent.)
 */
class UpstreamLimitsTest {

    private static final String TOO_MANY = "{\"status\":429,\"message\":\"rate limit exceeded\",\"data\":null}";

    private final ProfileFixture fixture = new ProfileFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    private ProfileResult lookup(ProfileService service, String uid) {
        return service.profile(new LookupKey("_uid", uid), Deadline.after(Duration.ofSeconds(5))).join();
    }

    @Test
    void a429WithRetryAfterPausesLookupsUntilTheTimeItNames() {
        ProfileService service = fixture.service(ProfileSettings.defaults().withBudget(Duration.ofSeconds(5)),
                0, null, com.github.benmanes.caffeine.cache.Ticker.systemTicker());
        fixture.answerAll(StubResponse.json(429, TOO_MANY).withHeader("Retry-After", "2"));

        // input: one lookup answered 429 "Retry-After: 2"; what must hold: the next 20 lookups of other
        // visitors make no upstream call and are answered unavailable "rate limited" at once
        assertThat(lookup(service, "first").status()).isEqualTo(ProfileStatus.UNAVAILABLE);
        long callsAfterThe429 = fixture.calls("/api/entity");
        for (int i = 0; i < 20; i++) {
            ProfileResult r = lookup(service, "other-" + i);
            assertThat(r.status()).isEqualTo(ProfileStatus.UNAVAILABLE);
            assertThat(r.reason()).isEqualTo(Outcomes.RATE_LIMITED);
        }
        assertThat(fixture.calls("/api/entity")).isEqualTo(callsAfterThe429).isEqualTo(1);
        assertThat(service.metrics().paused()).isTrue();
        assertThat(service.metrics().limited()).isEqualTo(20);

        // once the pause is over, lookups reach Lytics again
        fixture.answerAll(ProfileFixture.FOUND);
        await().atMost(Duration.ofSeconds(10)).until(() -> !service.metrics().paused());
        assertThat(lookup(service, "after").status()).isEqualTo(ProfileStatus.KNOWN);
        assertThat(fixture.calls("/api/entity")).isEqualTo(2);
    }

    @Test
    void a429WithoutRetryAfterPausesForTheDefaultTime() {
        ProfileService service = fixture.service(ProfileSettings.defaults().withBudget(Duration.ofSeconds(5)),
                0, null, com.github.benmanes.caffeine.cache.Ticker.systemTicker());
        fixture.answerAll(StubResponse.json(429, TOO_MANY));

        // input: 429 with no Retry-After; what must hold: lookups paused (5 s), no further upstream call
        lookup(service, "first");
        assertThat(service.metrics().paused()).isTrue();
        assertThat(lookup(service, "second").reason()).isEqualTo(Outcomes.RATE_LIMITED);
        assertThat(fixture.calls("/api/entity")).isEqualTo(1);
        assertThat(UpstreamLimits.DEFAULT_PAUSE).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aCeilingCapsUpstreamCallsPerSecond() {
        ProfileService service = fixture.service(ProfileSettings.defaults().withBudget(Duration.ofSeconds(5)),
                5, null, com.github.benmanes.caffeine.cache.Ticker.systemTicker());
        fixture.answerAll(ProfileFixture.FOUND);

        // input: 60 lookups of distinct visitors at once with a ceiling of 5 per second; what must hold:
        // at most 10 upstream calls (the burst may straddle two one-second periods), the rest limited
        List<CompletableFuture<ProfileResult>> all = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            all.add(service.profile(new LookupKey("_uid", "spike-" + i), Deadline.after(Duration.ofSeconds(5))));
        }
        all.forEach(CompletableFuture::join);
        long calls = fixture.calls("/api/entity");
        assertThat(calls).isBetween(5L, 10L);
        assertThat(service.metrics().limited()).isEqualTo(60 - calls);
        assertThat(all.stream().map(CompletableFuture::join).filter(r -> r.status() == ProfileStatus.KNOWN).count())
                .isEqualTo(calls);
    }

    @Test
    void otherFailuresDoNotPause() {
        ProfileService service = fixture.service(ProfileSettings.defaults().withBudget(Duration.ofSeconds(5)),
                0, null, com.github.benmanes.caffeine.cache.Ticker.systemTicker());
        fixture.answerAll(ProfileFixture.SERVER_ERROR);
        // input: a 500; what must hold: no pause (the breaker, not the 429 rule, handles errors)
        lookup(service, "first");
        assertThat(service.metrics().paused()).isFalse();
        lookup(service, "second");
        assertThat(fixture.calls("/api/entity")).isEqualTo(2);
    }
}
