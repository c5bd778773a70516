package io.lytx.example.web;

import io.lytx.example.visits.VisitLog;
import io.lytx.servlet.LyticsContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Plain pages rendered by a JSP: {@code /me} ("what Lytics knows about you", with this visitor's
 * events from the {@link VisitLog}) and {@code /cached} (a page fit for a shared cache, personalized
 * in the browser by the JS helper; served with {@code Cache-Control: public, max-age=60}).
 * Thread-safe.
 */
@WebServlet(urlPatterns = {"/me", "/cached"})
public class PageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** For the container. */
    public PageServlet() {
        // stateless
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        if ("/cached".equals(req.getServletPath())) {
            resp.setHeader("Cache-Control", "public, max-age=60");
            req.getRequestDispatcher("/WEB-INF/jsp/cached.jsp").forward(req, resp);
            return;
        }
        LyticsContext lytics = LyticsContext.of(req);
        Object log = getServletContext().getAttribute(VisitLog.ATTRIBUTE);
        if (lytics.isActive() && log instanceof VisitLog visits) {
            req.setAttribute("visitorEvents", visits.events(lytics.getVisitorId()));
        }
        req.getRequestDispatcher("/WEB-INF/jsp/me.jsp").forward(req, resp);
    }
}
