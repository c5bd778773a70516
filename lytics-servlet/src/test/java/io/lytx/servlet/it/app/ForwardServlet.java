package io.lytx.servlet.it.app;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Includes the page (a second dispatch of one request) to check the filter handles a request once. */
public class ForwardServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        Object before = req.getAttribute("lytics");
        req.getRequestDispatcher("/page").include(req, resp);
        resp.getWriter().println("contextKeptAcrossInclude=" + (before != null && before == req.getAttribute("lytics")));
    }
}
