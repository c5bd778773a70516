package io.lytx.sandbox.content;

import java.util.Locale;

/**
 * Normalizes page and document URLs to the form Lytics stores: without protocol, query string or
 * fragment, host in lower case, no trailing slash (except for a bare host).
 *
 * <p>{@code https://Example.org/articles/x/?utm_source=a#top} becomes
 * {@code example.org/articles/x}. Stateless and thread-safe.
 */
public final class UrlNormalizer {

    private UrlNormalizer() {
    }

    /**
     * The normalized form of a URL.
     *
     * @param url a URL with or without protocol; null gives null
     * @return the normalized URL, or null when {@code url} is null or blank
     */
    public static String normalize(String url) {
        if (url == null) {
            return null;
        }
        String u = url.trim();
        int scheme = u.indexOf("://");
        if (scheme >= 0 && scheme < 10) {
            u = u.substring(scheme + 3);
        } else if (u.startsWith("//")) {
            u = u.substring(2);
        }
        int cut = indexOfAny(u, '?', '#');
        if (cut >= 0) {
            u = u.substring(0, cut);
        }
        int slash = u.indexOf('/');
        String host = slash < 0 ? u : u.substring(0, slash);
        String path = slash < 0 ? "" : u.substring(slash);
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String out = host.toLowerCase(Locale.ROOT) + path;
        return out.isBlank() ? null : out;
    }

    /**
     * The path part of a normalized URL, starting with {@code /}.
     *
     * @param normalizedUrl a URL returned by {@link #normalize}; not null
     * @return the path, {@code ""} for a bare host
     */
    public static String path(String normalizedUrl) {
        int slash = normalizedUrl.indexOf('/');
        return slash < 0 ? "" : normalizedUrl.substring(slash);
    }

    private static int indexOfAny(String s, char a, char b) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == a || c == b) {
                return i;
            }
        }
        return -1;
    }
}
