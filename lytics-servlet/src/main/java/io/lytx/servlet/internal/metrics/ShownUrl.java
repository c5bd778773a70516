package io.lytx.servlet.internal.metrics;

import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * A URL as the status endpoint may show it: {@code scheme://host[:port]/path} of a public host,
 * never its user info, query or fragment (where credentials hide), and for an internal host only
 * {@code "(internal host)"}. Internal: IP literals that are loopback, private (10/8, 172.16/12,
 * 192.168/16, fc00::/7), link-local, CGNAT (100.64/10) or unspecified; names without a dot
 * ({@code localhost}, {@code sandbox}); names under {@code .local}, {@code .localhost},
 * {@code .internal}, {@code .intranet}, {@code .lan}, {@code .home.arpa}, {@code .corp}, {@code .svc}.
 * Names are not resolved. Stateless and thread-safe.
 */
final class ShownUrl {

    static final String INTERNAL = "(internal host)";
    static final String UNSHOWN = "(not shown)";
    private static final List<String> INTERNAL_SUFFIXES = List.of(".local", ".localhost", ".internal", ".intranet",
            ".lan", ".home.arpa", ".corp", ".svc", ".localdomain");

    private ShownUrl() {
    }

    /** Whether {@code text} looks like an absolute http(s) URL (so that it must be shown through {@link #of}). */
    static boolean isUrl(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        return t.startsWith("http://") || t.startsWith("https://") || t.contains("://");
    }

    /** The text to show for a URL. */
    static String of(String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            return UNSHOWN;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (!(scheme.equals("http") || scheme.equals("https")) || host == null) {
            return UNSHOWN;
        }
        if (internal(host)) {
            return INTERNAL;
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return scheme + "://" + host.toLowerCase(Locale.ROOT) + (uri.getPort() >= 0 ? ":" + uri.getPort() : "") + path;
    }

    static boolean internal(String rawHost) {
        String host = rawHost.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')
                && (host.contains(":") || host.chars().filter(c -> c == '.').count() == 3
                && host.chars().allMatch(c -> Character.isDigit(c) || c == '.'))) {
            return internalAddress(host);
        }
        if (!host.contains(".")) {
            return true;
        }
        String ascii;
        try {
            ascii = IDN.toASCII(host);
        } catch (IllegalArgumentException e) {
            return true;
        }
        return INTERNAL_SUFFIXES.stream().anyMatch(ascii::endsWith);
    }

    private static boolean internalAddress(String literal) {
        try {
            InetAddress a = InetAddress.getByName(literal); // a literal: nothing is resolved
            byte[] b = a.getAddress();
            boolean cgnat = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
            boolean uniqueLocal = b.length == 16 && (b[0] & 0xfe) == 0xfc;
            return a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                    || cgnat || uniqueLocal;
        } catch (UnknownHostException e) {
            return true;
        }
    }
}
