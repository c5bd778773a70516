package io.lytx.servlet.it.app;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** "Logs in" by storing the e-mail parameter in the session attribute {@code app.user}. */
public class LoginServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        req.getSession(true).setAttribute("app.user", req.getParameter("email"));
        resp.setContentType("text/plain");
        resp.getWriter().println("logged in");
    }
}
