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

    /** Whether an Accept header asks for HTML (text/html or application/xhtml+xml, not q=0). */
    static boolean acceptsHtml(String accept) {
        if (accept == null || accept.length() > 4096) {
            return false;
        }
        int from = 0;
        while (from <= accept.length()) {
            int comma = accept.indexOf(',', from);
            int end = comma < 0 ? accept.length() : comma;
            String range = accept.substring(from, end).strip();
            int semi = range.indexOf(';');
            String type = (semi < 0 ? range : range.substring(0, semi)).strip();
            if ((type.equalsIgnoreCase("text/html") || type.equalsIgnoreCase("application/xhtml+xml"))
                    && !refused(semi < 0 ? "" : range.substring(semi + 1))) {
                return true;
            }
            if (comma < 0) {
                break;
            }
            from = comma + 1;
        }
        return false;
    }

    private static boolean refused(String params) {
        for (String p : params.split(";")) {
            String t = p.strip();
            if (t.startsWith("q=") || t.startsWith("Q=")) {
                String q = t.substring(2).strip();
                return q.equals("0") || q.matches("0\\.0{0,3}");
            }
        }
        return false;
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
