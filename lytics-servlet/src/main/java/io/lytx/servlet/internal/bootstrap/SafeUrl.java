package io.lytx.servlet.internal.bootstrap;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides whether a URL taken from a profile or a recommendation may be put in an {@code href} or
 * {@code src}: only absolute {@code http}/{@code https} URLs with a host, and relative references
 * (path, query or fragment, not protocol-relative {@code //host}) are kept. {@code javascript:},
 * {@code data:}, {@code vbscript:} and every other scheme, control characters, whitespace tricks such
 * as {@code java\tscript:} and over-long values are refused.
 *
 * <p>Stateless and thread-safe. The result still needs attribute escaping ({@link HtmlEscaper}).
 */
public final class SafeUrl {

    /** A first path segment that is a host name with a dot, and an optional port: {@code example.org:8080}. */
    private static final Pattern HOST_FIRST = Pattern.compile("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+(:[0-9]{1,5})?");

    /** Longest URL accepted. */
    public static final int MAX_LENGTH = 2048;

    private SafeUrl() {
    }

    /**
     * The URL when safe to link to.
     *
     * @param url the candidate; null gives empty
     * @return the trimmed URL, or empty when it is not http(s) or relative
     */
    public static Optional<String> of(String url) {
        if (url == null) {
            return Optional.empty();
        }
        String u = url.strip();
        if (u.isEmpty() || u.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        for (int i = 0; i < u.length(); i++) {
            char c = u.charAt(i);
            if (c < 0x20 || c == 0x7f || Character.isWhitespace(c) || c == '\\') {
                return Optional.empty();
            }
        }
        URI uri;
        try {
            uri = new URI(u);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme();
        if (scheme == null) {
            return u.startsWith("//") ? Optional.empty() : Optional.of(u);
        }
        String s = scheme.toLowerCase(Locale.ROOT);
        if ((s.equals("http") || s.equals("https")) && uri.getHost() != null && !uri.getHost().isEmpty()) {
            return Optional.of(u);
        }
        return Optional.empty();
    }

    /**
     * A content URL as Lytics stores it (usually without protocol, e.g. {@code example.org/a}) made
     * linkable: a scheme-less value whose first segment is a host name (letters, digits, dots, dashes,
     * with a dot, optional port) gets {@code https://}; then {@link #of(String)} decides.
     *
     * @param url the candidate; null gives empty
     */
    public static Optional<String> ofContent(String url) {
        if (url == null) {
            return Optional.empty();
        }
        String u = url.strip();
        int slash = u.indexOf('/');
        String first = slash < 0 ? u : u.substring(0, slash);
        if (!u.startsWith("/") && HOST_FIRST.matcher(first).matches()) {
            return of("https://" + u);
        }
        return of(u);
    }

    /** Whether {@link #of(String)} keeps the URL. */
    public static boolean isSafe(String url) {
        return of(url).isPresent();
    }
}
