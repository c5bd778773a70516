package io.lytx.servlet.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VisitorRateLimiterTest {

    @Test
    void eachVisitorGetsItsOwnBurstThenWaits() {
        VisitorRateLimiter limiter = new VisitorRateLimiter(2); // one token every 30 s
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).as("third event within a minute").isBetween(1L, 30L);
        assertThat(limiter.acquire("b")).as("another visitor").isZero();
    }
}
