package io.lytx.servlet.internal.web;

import io.lytx.servlet.LyticsContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The filter's visitor handling as the profile endpoint uses it: bot and consent checks, identity
 * (minting the cookie when needed), the budgeted profile lookup and, when asked, the page-view event.
 * The filter builds one at start-up and hands it to the {@link EndpointRouter}. Implementations are
 * thread-safe, never block beyond starting the lookup and never throw because of Lytics.
 */
@FunctionalInterface
public interface VisitorLookup {

    /**
     * Handles the visitor of a request.
     *
     * @param request       the request (possibly describing the page the browser is on), never null
     * @param response      its response, not committed, never null
     * @param countPageView whether to forward a page-view event for it
     * @return the visitor's context, never null
     */
    LyticsContext lookup(HttpServletRequest request, HttpServletResponse response, boolean countPageView);
}
