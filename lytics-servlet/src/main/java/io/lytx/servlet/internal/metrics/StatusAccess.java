package io.lytx.servlet.internal.metrics;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Who may read the status endpoint: a user in the configured container role
 * ({@code lytics.status.role}, {@code request.isUserInRole}), or a caller on the loopback interface
 * that is not behind a proxy. A request carrying a forwarding header ({@code Forwarded},
 * {@code X-Forwarded-For}, {@code X-Real-IP}) is never taken for a loopback caller: a reverse proxy on
 * the same host connects from 127.0.0.1 on behalf of anyone. Stateless and thread-safe; never blocks
 * (the address is a literal, nothing is resolved).
 */
public final class StatusAccess {

    private static final String[] FORWARDING = {"Forwarded", "X-Forwarded-For", "X-Real-IP"};

    private StatusAccess() {
    }

    /**
     * Whether the request may read the status.
     *
     * @param request the request, never null
     * @param role    the role that may read it from anywhere, or null
     */
    public static boolean allowed(HttpServletRequest request, String role) {
        if (role != null && request.isUserInRole(role)) {
            return true;
        }
        for (String header : FORWARDING) {
            if (request.getHeader(header) != null) {
                return false;
            }
        }
        return isLoopbackLiteral(request.getRemoteAddr());
    }

    /** Whether {@code address} is an IP literal of the loopback interface (127.0.0.0/8, ::1). */
    static boolean isLoopbackLiteral(String address) {
        if (address == null || address.isEmpty() || !address.chars().allMatch(c -> Character.digit(c, 16) >= 0
                || c == '.' || c == ':' || c == '[' || c == ']')) {
            return false; // not a literal: never resolve a name here
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
