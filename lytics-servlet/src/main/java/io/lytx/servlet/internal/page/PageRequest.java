package io.lytx.servlet.internal.page;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The few request facts a page-view event is built from, copied out of the servlet request so that
 * event building is a pure function (and testable without a container). Immutable.
 *
 * @param scheme         {@code http} or {@code https}
 * @param host           the server name the client asked for
 * @param port           the server port
 * @param requestUri     the raw (still encoded) request URI, context path included
 * @param query          the raw query string, or null
 * @param referer        the Referer header, or null
 * @param acceptLanguage the Accept-Language header, or null
 * @param userAgent      the User-Agent header, or null
 * @param remoteAddr     the client address as the container reports it, or null
 */
public record PageRequest(String scheme, String host, int port, String requestUri, String query, String referer,
                          String acceptLanguage, String userAgent, String remoteAddr) {

    /** Copies the facts out of a request. Never blocks; reads headers only (no body, no parameters). */
    public static PageRequest from(HttpServletRequest request) {
        return new PageRequest(request.getScheme(), request.getServerName(), request.getServerPort(),
                request.getRequestURI(), request.getQueryString(), request.getHeader("Referer"),
                request.getHeader("Accept-Language"), request.getHeader("User-Agent"), request.getRemoteAddr());
    }
}
