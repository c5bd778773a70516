package io.lytx.example.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * Exposes the logged-in {@link DemoUser} as the request attribute {@value LoginServlet#USER_ATTRIBUTE}
 * when a session already exists, so pages never create a session (the JSPs are {@code session="false"}:
 * anonymous visitors get no {@code JSESSIONID}). Thread-safe.
 */
@WebFilter(filterName = "example-current-user", urlPatterns = "/*")
public class CurrentUserFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** For the container. */
    public CurrentUserFilter() {
        // stateless
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            Object user = session.getAttribute(LoginServlet.USER_ATTRIBUTE);
            if (user instanceof DemoUser) {
                request.setAttribute(LoginServlet.USER_ATTRIBUTE, user);
            }
        }
        chain.doFilter(request, response);
    }
}
