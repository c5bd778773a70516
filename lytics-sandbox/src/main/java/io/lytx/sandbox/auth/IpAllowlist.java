package io.lytx.sandbox.auth;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * The account's API IP allowlist (setting {@code api_ip_whitelist}): when it holds ranges, only
 * clients inside one of them may call the authenticated API. Empty means no restriction.
 * Thread-safe: replaced atomically, read without locks.
 */
public final class IpAllowlist {

    private volatile List<Cidr> ranges = List.of();

    /**
     * Replaces the ranges.
     *
     * @param newRanges the ranges; empty lifts the restriction; not null
     */
    public void replace(List<Cidr> newRanges) {
        ranges = List.copyOf(Objects.requireNonNull(newRanges, "newRanges"));
    }

    /**
     * Whether the list is empty, i.e. every client may call (then the client address need not be
     * worked out).
     *
     * @return true when no range is set
     */
    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /**
     * Whether a client may call.
     *
     * @param client the client's address, or null when it could not be determined
     * @return true when the list is empty or the address is inside one range; false for a null
     *         address under a non-empty list
     */
    public boolean allows(InetAddress client) {
        List<Cidr> current = ranges;
        if (current.isEmpty()) {
            return true;
        }
        if (client == null) {
            return false;
        }
        for (Cidr c : current) {
            if (c.contains(client)) {
                return true;
            }
        }
        return false;
    }
}
