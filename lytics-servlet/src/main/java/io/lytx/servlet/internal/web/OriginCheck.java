package io.lytx.servlet.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Same-origin check of a state-changing request from a browser. A request passes when
 * {@code Sec-Fetch-Site} is {@code same-origin}; or, without that header, when its {@code Origin}
 * names the host (and port) the request was sent to ({@code Host} header); or when its
 * {@code Origin} is one of the configured extra origins. A request with neither header (not a
 * browser's same-origin request) is refused, as is {@code Origin: null}. Immutable and thread-safe.
 */
public final class OriginCheck {

    private final Set<String> extraOrigins;

    /** @param extraOrigins allowed origins besides the page's own, lower case {@code scheme://host[:port]} */
    public OriginCheck(Set<String> extraOrigins) {
        this.extraOrigins = Set.copyOf(Objects.requireNonNull(extraOrigins, "extraOrigins"));
    }

    /**
     * Why the request is refused, or null when it passes.
     *
     * @param request the request, never null
     */
    public String refusal(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin != null && extraOrigins.contains(normalize(origin))) {
            return null;
        }
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return site.strip().equalsIgnoreCase("same-origin") ? null : "cross-origin request (Sec-Fetch-Site: "
                    + cut(site) + ")";
        }
        if (origin == null) {
            return "no Origin or Sec-Fetch-Site header: only same-origin browser requests are accepted";
        }
        return sameHost(origin, request) ? null : "cross-origin request (Origin: " + cut(origin) + ")";
    }

    private static boolean sameHost(String origin, HttpServletRequest request) {
        URI o;
        try {
            o = new URI(origin.strip());
        } catch (URISyntaxException e) {
            return false;
        }
        String scheme = o.getScheme() == null ? "" : o.getScheme().toLowerCase(Locale.ROOT);
        if (o.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
            return false;
        }
        int originPort = o.getPort() >= 0 ? o.getPort() : scheme.equals("https") ? 443 : 80;
        String host = request.getHeader("Host");
        String reqHost;
        int reqPort;
        if (host == null || host.isBlank()) {
            reqHost = request.getServerName();
            reqPort = request.getServerPort();
        } else {
            String h = host.strip();
            int colon = h.lastIndexOf(':');
            if (colon > h.lastIndexOf(']')) {
                reqHost = h.substring(0, colon);
                try {
                    reqPort = Integer.parseInt(h.substring(colon + 1));
                } catch (NumberFormatException e) {
                    return false;
                }
            } else {
                reqHost = h;
                reqPort = scheme.equals("https") ? 443 : 80;
            }
        }
        return o.getHost().equalsIgnoreCase(reqHost) && originPort == reqPort;
    }

    private static String normalize(String origin) {
        String o = origin.strip().toLowerCase(Locale.ROOT);
        return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
    }

    private static String cut(String s) {
        String t = s.length() > 100 ? s.substring(0, 100) : s;
        return t.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
