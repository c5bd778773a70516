package io.lytx.servlet.it.app;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;

/**
 * Stands in for the application's security framework (which, like Spring Security, wraps the request
 * so that {@code isUserInRole} answers for the logged-in user): the roles are those named in the
 * request header {@code X-Test-Role} (comma list). Declared in the test apps' {@code web.xml}, so it
 * runs before the plugin's filter, as a real security filter does. Test apps only.
 */
public class TestRoleFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        String header = req.getHeader("X-Test-Role");
        if (header == null) {
            chain.doFilter(req, res);
            return;
        }
        java.util.List<String> roles = Arrays.stream(header.split(",")).map(String::strip).toList();
        chain.doFilter(new HttpServletRequestWrapper(req) {
            @Override
            public boolean isUserInRole(String role) {
                return roles.contains(role) || super.isUserInRole(role);
            }
        }, res);
    }
}
