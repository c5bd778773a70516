package io.lytx.servlet;

import io.lytx.servlet.config.PathPatterns;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;

/**
 * Decides which requests are page views: GET or HEAD requests that accept HTML (or match a
 * configured include pattern), that are not static assets and not excluded. Immutable,
 * thread-safe and allocation-free apart from the container's own accessors.
 */
final class PageRequestSelector {

    private final PathPatterns include;
    private final PathPatterns exclude;
    private final PathPatterns staticAssets;

    PageRequestSelector(PathPatterns include, PathPatterns exclude, PathPatterns staticAssets) {
        this.include = Objects.requireNonNull(include, "include");
        this.exclude = Objects.requireNonNull(exclude, "exclude");
        this.staticAssets = Objects.requireNonNull(staticAssets, "staticAssets");
    }

    /**
     * Whether the request is a page view.
     *
     * @param request the request
     * @param path    its path inside the web app (see {@link #pathOf})
     */
    boolean isPage(HttpServletRequest request, String path) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return false;
        }
        if (exclude.matches(path)) {
            return false;
        }
        if (include.matches(path)) {
            return true;
        }
        if (staticAssets.matches(path)) {
            return false;
        }
        return acceptsHtml(request.getHeader("Accept"));
    }

    /** Whether an Accept header asks for HTML (text/html or application/xhtml+xml, not q=0). No allocation. */
    static boolean acceptsHtml(String accept) {
        if (accept == null || accept.length() > 4096) {
            return false;
        }
        int from = 0;
        while (from <= accept.length()) {
            int comma = accept.indexOf(',', from);
            int end = comma < 0 ? accept.length() : comma;
            int start = skipSpace(accept, from, end);
            end = trimSpace(accept, start, end);
            int semi = indexOf(accept, ';', start, end);
            int typeEnd = semi < 0 ? end : trimSpace(accept, start, semi);
            if ((is(accept, start, typeEnd, "text/html") || is(accept, start, typeEnd, "application/xhtml+xml"))
                    && !refused(accept, semi < 0 ? end : semi + 1, end)) {
                return true;
            }
            if (comma < 0) {
                break;
            }
            from = comma + 1;
        }
        return false;
    }

    /** Whether the media-range parameters {@code s[from, to)} ({@code a=b;q=0.8}) set q to 0. */
    private static boolean refused(String s, int from, int to) {
        while (from < to) {
            int semi = indexOf(s, ';', from, to);
            int end = semi < 0 ? to : semi;
            int start = skipSpace(s, from, end);
            int stop = trimSpace(s, start, end);
            if (stop - start >= 2 && (s.charAt(start) == 'q' || s.charAt(start) == 'Q') && s.charAt(start + 1) == '=') {
                int q = skipSpace(s, start + 2, stop);
                return isZero(s, q, stop);
            }
            from = end + 1;
        }
        return false;
    }

    /** Whether {@code s[from, to)} is a q-value of zero: {@code 0}, {@code 0.}, {@code 0.0}, {@code 0.00}, {@code 0.000}. */
    private static boolean isZero(String s, int from, int to) {
        int length = to - from;
        if (length < 1 || length > 5 || s.charAt(from) != '0') {
            return false;
        }
        if (length == 1) {
            return true;
        }
        if (s.charAt(from + 1) != '.') {
            return false;
        }
        for (int i = from + 2; i < to; i++) {
            if (s.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }

    private static boolean is(String s, int from, int to, String word) {
        return to - from == word.length() && s.regionMatches(true, from, word, 0, word.length());
    }

    private static int indexOf(String s, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private static int skipSpace(String s, int from, int to) {
        while (from < to && Character.isWhitespace(s.charAt(from))) {
            from++;
        }
        return from;
    }

    private static int trimSpace(String s, int from, int to) {
        while (to > from && Character.isWhitespace(s.charAt(to - 1))) {
            to--;
        }
        return to;
    }

    /** The request path inside the web application, without context path and path parameters. */
    static String pathOf(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        String path = context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
        int semi = path.indexOf(';');
        if (semi >= 0) {
            path = path.substring(0, semi);
        }
        return path.isEmpty() ? "/" : path;
    }
}
