package io.lytx.example.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;

/**
 * The demo login: {@code GET /login} shows the demo users, {@code POST /login} with {@code user=<id>}
 * puts the user's email in the session attribute {@value #SESSION_ATTRIBUTE}, which the library is
 * configured to read as the known identity ({@code lytics.identity.attribute} in {@code web.xml});
 * {@code POST /logout} removes it. No password: it is a demo. Thread-safe.
 */
@WebServlet(urlPatterns = {"/login", "/logout"})
public class LoginServlet extends HttpServlet {

    /** Session attribute holding the logged-in user's email. */
    public static final String SESSION_ATTRIBUTE = "example.user";
    /** Session attribute holding the logged-in {@link DemoUser}. */
    public static final String USER_ATTRIBUTE = "demoUser";

    private static final long serialVersionUID = 1L;

    /** For the container. */
    public LoginServlet() {
        // stateless
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        if ("/logout".equals(req.getServletPath())) {
            resp.sendRedirect(req.getContextPath() + "/");
            return;
        }
        req.setAttribute("demoUsers", DemoUser.ALL);
        req.getRequestDispatcher("/WEB-INF/jsp/login.jsp").forward(req, resp);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        if ("/logout".equals(req.getServletPath())) {
            HttpSession session = req.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            resp.sendRedirect(req.getContextPath() + "/");
            return;
        }
        Optional<DemoUser> user = DemoUser.byId(req.getParameter("user"));
        if (user.isEmpty()) {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "unknown demo user");
            return;
        }
        if (req.getSession(false) != null) {
            req.changeSessionId(); // a fresh session id at login (no fixation)
        }
        HttpSession session = req.getSession(true);
        session.setAttribute(SESSION_ATTRIBUTE, user.get().email());
        session.setAttribute(USER_ATTRIBUTE, user.get());
        resp.sendRedirect(req.getContextPath() + "/");
    }
}
