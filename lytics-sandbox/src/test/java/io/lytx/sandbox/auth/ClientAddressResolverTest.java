package io.lytx.sandbox.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressResolverTest {

    private static InetAddress ip(String literal) {
        return Cidr.literal(literal).orElseThrow();
    }

    @Test
    void withoutTrustedProxiesHeadersAreIgnored() {
        ClientAddressResolver r = new ClientAddressResolver(List.of());
        assertThat(r.resolve("127.0.0.1", "for=203.0.113.9", "203.0.113.9")).contains(ip("127.0.0.1"));
    }

    @Test
    void aTrustedProxyForwardsTheRightmostUntrustedHop() {
        ClientAddressResolver r = new ClientAddressResolver(List.of(Cidr.parse("127.0.0.1"), Cidr.parse("10.0.0.0/8")));
        // client spoofs a first hop; the proxy chain appends the real one
        assertThat(r.resolve("127.0.0.1", null, "198.51.100.1, 203.0.113.9, 10.1.1.1")).contains(ip("203.0.113.9"));
        assertThat(r.resolve("127.0.0.1", "for=\"[2001:db8::5]:4711\";proto=http", null)).contains(ip("2001:db8::5"));
        assertThat(r.resolve("127.0.0.1", null, "203.0.113.9:5555")).contains(ip("203.0.113.9"));
    }

    @Test
    void anUntrustedPeerKeepsItsOwnAddressWhateverItClaims() {
        ClientAddressResolver r = new ClientAddressResolver(List.of(Cidr.parse("10.0.0.0/8")));
        assertThat(r.resolve("127.0.0.1", null, "10.0.0.1")).contains(ip("127.0.0.1"));
    }

    @Test
    void aGarbledForwardedHopGivesNoAddress() {
        // input: a trusted proxy forwards "unknown" -> no address (matches no allowlist range)
        ClientAddressResolver r = new ClientAddressResolver(List.of(Cidr.parse("127.0.0.1")));
        assertThat(r.resolve("127.0.0.1", null, "unknown")).isEmpty();
    }
}
