package io.lytx.servlet.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * The request of {@code GET {base}/profile} seen as the cached page the browser is on (its same-origin
 * {@code Referer}): the request URI and query are the page's, and the page's own referrer is
 * unknown. Used so that the page view counted when a cached page asks for its profile carries the
 * page's URL. Not thread-safe (like the request it wraps).
 */
final class RefererPage extends HttpServletRequestWrapper {

    private final String uri;
    private final String query;

    private RefererPage(HttpServletRequest request, String uri, String query) {
        super(request);
        this.uri = uri;
        this.query = query;
    }

    /**
     * The page of a request's Referer, or null when the Referer is absent, not http(s) or not on the
     * host the request was sent to.
     */
    static HttpServletRequest of(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer == null || referer.length() > 4096) {
            return null;
        }
        URI u;
        try {
            u = new URI(referer);
        } catch (URISyntaxException e) {
            return null;
        }
        String scheme = u.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) || u.getHost() == null
                || !u.getHost().equalsIgnoreCase(request.getServerName()) || u.getRawPath() == null
                || u.getRawPath().isEmpty()) {
            return null;
        }
        return new RefererPage(request, u.getRawPath(), u.getRawQuery());
    }

    @Override
    public String getRequestURI() {
        return uri;
    }

    @Override
    public String getQueryString() {
        return query;
    }

    @Override
    public String getHeader(String name) {
        return "Referer".equalsIgnoreCase(name) ? null : super.getHeader(name);
    }
}
