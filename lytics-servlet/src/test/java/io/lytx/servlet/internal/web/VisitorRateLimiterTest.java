package io.lytx.servlet.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.lytx.servlet.internal.page.ClientIps;
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

    @Test
    void addressesOfOneIpv6Slash64ShareOneKey() {
        assertThat(ClientIps.addressKey("203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(ClientIps.addressKey("2001:0db8:0:1:aaaa::1")).isEqualTo(ClientIps.addressKey("[2001:db8:0:1::ffff]"))
                .isEqualTo("2001:db8:0:1::/64");
        assertThat(ClientIps.addressKey("2001:db8:0:2::1")).isNotEqualTo(ClientIps.addressKey("2001:db8:0:1::1"));
        // input: not an address
        assertThat(ClientIps.addressKey("evil\r\nhost")).isEqualTo(ClientIps.addressKey(null)).isEqualTo("unknown");
    }
}
