package io.lytx.sandbox.auth;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the address of the client behind a request: the socket's peer address, unless that peer
 * is a trusted proxy, in which case the proxy headers are read ({@code Forwarded: for=...} first,
 * then {@code X-Forwarded-For}) from right to left, skipping trusted proxies. With no trusted
 * proxies configured, proxy headers are ignored. Immutable and thread-safe.
 */
public final class ClientAddressResolver {

    private final List<Cidr> trustedProxies;

    /**
     * A resolver trusting the given proxy ranges.
     *
     * @param trustedProxies ranges of proxies whose headers are believed; empty ignores every header
     */
    public ClientAddressResolver(List<Cidr> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    /**
     * The client's address.
     *
     * @param socketPeer     the socket's remote address as text (an address literal)
     * @param forwarded      the {@code Forwarded} header, or null
     * @param xForwardedFor  the {@code X-Forwarded-For} header (comma-joined when repeated), or null
     * @return the client address, or empty when a trusted proxy forwarded an address that is not a
     *         literal (such a request matches no allowlist range)
     */
    public Optional<InetAddress> resolve(String socketPeer, String forwarded, String xForwardedFor) {
        Optional<InetAddress> peer = Cidr.literal(socketPeer);
        if (peer.isEmpty() || !trusted(peer.get())) {
            return peer;
        }
        List<String> hops = forwarded != null && !forwarded.isBlank() ? forwardedFor(forwarded)
                : xForwardedFor != null && !xForwardedFor.isBlank() ? List.of(xForwardedFor.split(",")) : List.of();
        InetAddress client = peer.get();
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = Cidr.literal(stripPort(hops.get(i).trim()));
            if (hop.isEmpty()) {
                return Optional.empty();
            }
            client = hop.get();
            if (!trusted(client)) {
                return hop;
            }
        }
        return Optional.of(client);
    }

    private boolean trusted(InetAddress a) {
        for (Cidr c : trustedProxies) {
            if (c.contains(a)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> forwardedFor(String header) {
        List<String> out = new ArrayList<>();
        for (String element : header.split(",")) {
            for (String pair : element.split(";")) {
                String p = pair.trim();
                if (p.regionMatches(true, 0, "for=", 0, 4)) {
                    String v = p.substring(4).trim();
                    if (v.startsWith("\"") && v.endsWith("\"") && v.length() >= 2) {
                        v = v.substring(1, v.length() - 1);
                    }
                    out.add(v);
                }
            }
        }
        return out;
    }

    private static String stripPort(String hop) {
        if (hop.startsWith("[")) {
            int close = hop.indexOf(']');
            return close > 0 ? hop.substring(1, close) : hop;
        }
        int colon = hop.indexOf(':');
        if (colon > 0 && hop.indexOf(':', colon + 1) < 0) {
            return hop.substring(0, colon);
        }
        return hop;
    }
}
