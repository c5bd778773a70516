package io.lytx.servlet.it.app;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code POST /login}: "logs in" by storing the e-mail parameter in the session attribute
 * {@code app.user} (a new session each time, as a login with session-fixation protection does);
 * {@code POST /logout} invalidates the session.
 */
public class LoginServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        jakarta.servlet.http.HttpSession old = req.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        resp.setContentType("text/plain");
        if ("/logout".equals(req.getServletPath())) {
            resp.getWriter().println("logged out");
            return;
        }
        req.getSession(true).setAttribute("app.user", req.getParameter("email"));
        resp.getWriter().println("logged in");
    }
}
