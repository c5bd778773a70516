package io.lytx.sandbox.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {

    private static InetAddress ip(String literal) {
        return Cidr.literal(literal).orElseThrow();
    }

    @Test
    void ipv4RangeHoldsItsAddressesOnly() {
        Cidr c = Cidr.parse("10.1.0.0/16");
        assertThat(c.contains(ip("10.1.0.0"))).isTrue();
        assertThat(c.contains(ip("10.1.255.255"))).isTrue();
        assertThat(c.contains(ip("10.2.0.0"))).isFalse();
        assertThat(c.contains(ip("::1"))).isFalse();
        assertThat(c.isIpv6()).isFalse();
    }

    @Test
    void ipv6RangeHoldsItsAddressesOnly() {
        Cidr c = Cidr.parse("2001:db8::/32");
        assertThat(c.contains(ip("2001:db8:ffff::1"))).isTrue();
        assertThat(c.contains(ip("2001:db9::1"))).isFalse();
        assertThat(c.contains(ip("127.0.0.1"))).isFalse();
        assertThat(c.isIpv6()).isTrue();
    }

    @Test
    void oddPrefixesAndHostBitsAndBareAddresses() {
        assertThat(Cidr.parse("192.168.1.130/25").contains(ip("192.168.1.129"))).isTrue();
        assertThat(Cidr.parse("192.168.1.130/25").contains(ip("192.168.1.127"))).isFalse();
        assertThat(Cidr.parse("127.0.0.1").contains(ip("127.0.0.1"))).isTrue();
        assertThat(Cidr.parse("127.0.0.1").contains(ip("127.0.0.2"))).isFalse();
        assertThat(Cidr.parse("0.0.0.0/0").contains(ip("8.8.8.8"))).isTrue();
        assertThat(Cidr.parse("::/0").contains(ip("fe80::1"))).isTrue();
        assertThat(Cidr.parse("::ffff:10.0.0.0/104").contains(ip("10.9.9.9"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "10.0.0.256/8", "10.0.0/8", "example.org/24", "2001:db8::/129",
            "10.0.0.0/x", "10.0.0.0/", "", "1.2.3.4/-1", "2001:zz8::/32"})
    void invalidRangesAreRefusedWithAReason(String text) {
        // input: a malformed range -> IllegalArgumentException with a reason, and no DNS lookup
        assertThatThrownBy(() -> Cidr.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageFindingMatch(".+");
    }

    @Test
    void literalNeverResolvesHostNames() {
        // input: a host name -> not a literal, so empty (no DNS lookup is attempted)
        assertThat(Cidr.literal("localhost")).isEmpty();
        assertThat(Cidr.literal("[::1]")).contains(ip("::1"));
    }
}
