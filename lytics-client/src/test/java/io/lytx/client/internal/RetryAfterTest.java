package io.lytx.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T20:00:00Z"), ZoneOffset.UTC);

    @Test
    void deltaSeconds() {
        assertThat(RetryAfter.parse("120", CLOCK)).contains(Duration.ofMinutes(2));
        assertThat(RetryAfter.parse(" 0 ", CLOCK)).contains(Duration.ZERO);
    }

    @Test
    void httpDateInTheFutureAndInThePast() {
        assertThat(RetryAfter.parse("Fri, 27 Nov 2026 20:00:45 GMT", CLOCK)).contains(Duration.ofSeconds(45));
        // input: a date already past; must: wait zero, not negative
        assertThat(RetryAfter.parse("Fri, 27 Nov 2026 19:00:00 GMT", CLOCK)).contains(Duration.ZERO);
    }

    @Test
    void absentNegativeOrGarbageGivesNothing() {
        // inputs: null, blank, "-5", "soon", an absurd number; must: empty
        assertThat(RetryAfter.parse(null, CLOCK)).isEmpty();
        assertThat(RetryAfter.parse(" ", CLOCK)).isEmpty();
        assertThat(RetryAfter.parse("-5", CLOCK)).isEmpty();
        assertThat(RetryAfter.parse("soon", CLOCK)).isEmpty();
        assertThat(RetryAfter.parse("99999999999999999999", CLOCK)).isEmpty();
    }
}
