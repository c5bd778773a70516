package io.lytx.example.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The consent banner's target: {@code POST /consent} with {@code choice=yes|no} stores the choice in
 * the cookie {@value #COOKIE} that the library's consent mode reads ({@code lytics.consent.mode=cookie},
 * {@code lytics.consent.cookie.name}, {@code lytics.consent.cookie.value=yes} in {@code web.xml}), then
 * redirects back to the page (a local path only). Works without JavaScript. Thread-safe.
 */
@WebServlet("/consent")
public class ConsentServlet extends HttpServlet {

    /** The consent cookie's name. */
    public static final String COOKIE = "example_consent";

    private static final long serialVersionUID = 1L;
    private static final int ONE_YEAR_S = 365 * 24 * 3600;

    /** For the container. */
    public ConsentServlet() {
        // stateless
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String choice = req.getParameter("choice");
        if (!"yes".equals(choice) && !"no".equals(choice)) {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "choice must be yes or no");
            return;
        }
        Cookie cookie = new Cookie(COOKIE, choice);
        cookie.setPath(req.getContextPath().isEmpty() ? "/" : req.getContextPath());
        cookie.setMaxAge(ONE_YEAR_S);
        cookie.setAttribute("SameSite", "Lax");
        resp.addCookie(cookie);
        resp.sendRedirect(localPath(req.getParameter("back"), req.getContextPath()));
    }

    /**
     * The page to go back to: a path inside this web application ("/ctx/x..."), never another host
     * ("//host", "/\host", absolute URLs), backslashes or control characters; anything else is the home page.
     */
    static String localPath(String back, String contextPath) {
        String home = contextPath + "/";
        if (back == null || !back.startsWith(home) || back.startsWith("//")
                || back.length() > 512 || back.chars().anyMatch(c -> c < 0x20 || c == '\\')) {
            return home;
        }
        return back;
    }
}
