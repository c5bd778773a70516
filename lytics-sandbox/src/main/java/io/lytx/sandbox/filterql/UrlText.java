package io.lytx.sandbox.filterql;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads e-mail addresses and URL-ish text the way qlbridge's builtins do
 * ({@code expr/builtins/url_email.go}): a text without a scheme is read as {@code http://...}.
 * Stateless, thread-safe; every method returns null instead of throwing.
 */
final class UrlText {

    private UrlText() {
    }

    /** The host (with port) of a URL-ish text, lower-cased; null for text shorter than 8 characters or without a host. */
    static String host(String text) {
        if (text == null || text.length() < 8) {
            return null;
        }
        URI uri = uri(withScheme(text.toLowerCase(Locale.ROOT)));
        return uri == null || uri.getRawAuthority() == null ? null : hostOf(uri);
    }

    /** The path of a URL-ish text, lower-cased ({@code "/"} for a bare host with a query); null when unreadable. */
    static String path(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String url = text.toLowerCase(Locale.ROOT);
        if (url.length() > 6 && !url.substring(0, 5).contains("/")) {
            url = withScheme(url);
        }
        URI uri = uri(url);
        return uri == null ? null : uri.getPath() == null ? "" : uri.getPath();
    }

    /** The text URL-decoded ({@code +} is a space); null when empty or malformed. */
    static String decode(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * {@code "Bob <Bob@Example.com>"} or {@code "bob@example.com"} as {name, lower-cased address};
     * null when it holds no single well-formed address.
     */
    static String[] address(String text) {
        if (text == null) {
            return null;
        }
        String s = text.trim();
        String name = "";
        int open = s.lastIndexOf('<');
        if (open >= 0) {
            if (!s.endsWith(">")) {
                return null;
            }
            name = s.substring(0, open).trim();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1);
            }
            s = s.substring(open + 1, s.length() - 1).trim();
        }
        int at = s.indexOf('@');
        if (at <= 0 || at != s.lastIndexOf('@') || at == s.length() - 1) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch <= ' ' || "<>()[],;:\\\"".indexOf(ch) >= 0) {
                return null;
            }
        }
        return new String[] {name, s.toLowerCase(Locale.ROOT)};
    }

    private static String withScheme(String url) {
        return url.startsWith("http") ? url : "http://" + url;
    }

    private static URI uri(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String hostOf(URI uri) {
        String authority = uri.getRawAuthority();
        int at = authority.lastIndexOf('@');
        return at >= 0 ? authority.substring(at + 1) : authority;
    }

    /** qlbridge's domain(): the last two labels of the host of a URL-ish text ({@code www.Google.com/x} → {@code google.com}). */
    static String domain(String text) {
        if (text == null) {
            return null;
        }
        URI uri = uri(withScheme(text.toLowerCase(Locale.ROOT)));
        if (uri == null || uri.getRawAuthority() == null) {
            return null;
        }
        String host = hostOf(uri);
        int colon = host.indexOf(':');
        host = colon >= 0 ? host.substring(0, colon) : host;
        if (host.length() <= 2) {
            return null;
        }
        String[] labels = host.split("\\.", -1);
        return labels.length > 2 ? labels[labels.length - 2] + "." + labels[labels.length - 1] : host;
    }

    /** The decoded value of query parameter {@code name} in {@code url}; null when absent or empty. */
    static String queryParameter(String url, String name) {
        if (url == null || url.isEmpty() || name == null || name.isEmpty()) {
            return null;
        }
        int q = url.indexOf('?');
        if (q < 0) {
            return null;
        }
        String query = url.substring(q + 1);
        int hash = query.indexOf('#');
        query = hash >= 0 ? query.substring(0, hash) : query;
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq >= 0 ? pair.substring(0, eq) : pair;
            try {
                if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name) && eq >= 0) {
                    String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                    return value.isEmpty() ? null : value;
                }
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }
}
