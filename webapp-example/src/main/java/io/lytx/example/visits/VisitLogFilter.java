package io.lytx.example.visits;

import io.lytx.servlet.LyticsContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;

/**
 * Records in the {@link VisitLog} what the plugin sent for a page: after the page has run (the
 * library's filter is ordered after this one, so its {@link LyticsContext} is there on the way back),
 * a page view when the plugin handled the request, and one {@code login} the first time a
 * logged-in user is seen with a visitor id. Thread-safe; adds no I/O to the request.
 */
@WebFilter(filterName = "example-visit-log", urlPatterns = "/*")
public class VisitLogFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** For the container. */
    public VisitLogFilter() {
        // no state besides the context's VisitLog
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, response);
        LyticsContext lytics = LyticsContext.of(request);
        Object log = request.getServletContext().getAttribute(VisitLog.ATTRIBUTE);
        if (!lytics.isActive() || !(log instanceof VisitLog visits)) {
            return;
        }
        String visitor = lytics.getVisitorId();
        if (lytics.isKnownUser()) {
            String who = lytics.identity().knownField() + "=" + lytics.identity().knownValue();
            if (!visits.contains(visitor, "login", who)) {
                visits.add(visitor, new LoggedEvent(Instant.now(), "login", who));
            }
        }
        String query = request.getQueryString();
        visits.add(visitor, new LoggedEvent(Instant.now(), "pv",
                request.getRequestURI() + (query == null ? "" : "?" + query)));
    }
}
