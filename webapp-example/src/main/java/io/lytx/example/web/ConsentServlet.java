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
            badRequest(resp, "choice must be yes or no");
            return;
        }
        String back = localPath(req.getParameter("back"), req.getContextPath());
        if (back == null) {
            badRequest(resp, "back must be a path of this site");
            return;
        }
        Cookie cookie = new Cookie(COOKIE, choice);
        cookie.setPath(req.getContextPath().isEmpty() ? "/" : req.getContextPath());
        cookie.setMaxAge(ONE_YEAR_S);
        cookie.setAttribute("SameSite", "Lax");
        resp.addCookie(cookie);
        resp.sendRedirect(back);
    }

    /** A plain-text 400: no error page, no stack trace, nothing of the request echoed. */
    private static void badRequest(HttpServletResponse resp, String message) throws IOException {
        resp.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        resp.setContentType("text/plain;charset=UTF-8");
        resp.getWriter().println(message);
    }

    /**
     * The page to go back to: a path inside this web application ("/ctx/x..."); another host
     * ("//host", absolute URLs) or a path outside the application gives its home page; text that is
     * not a well-formed URL path and query (characters outside RFC 3986, a broken or control-character
     * percent-encoding such as {@code %0d%0a}, a backslash, over 512 characters) gives null: a 400.
     *
     * @param back        the form's value, may be null (the home page)
     * @param contextPath the application's context path
     */
    static String localPath(String back, String contextPath) {
        String home = contextPath + "/";
        if (back == null || back.isEmpty()) {
            return home;
        }
        if (back.length() > 512 || !wellFormed(back)) {
            return null;
        }
        if (!back.startsWith(home) || back.startsWith("//")) {
            return home;
        }
        return back;
    }

    /** Only RFC 3986 path and query characters, and percent-encodings of printable UTF-8 text. */
    private static boolean wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean plain = c < 128 && (Character.isLetterOrDigit(c) || "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0);
            if (c == '%') {
                if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0
                        || Character.digit(text.charAt(i + 2), 16) < 0) {
                    return false;
                }
            } else if (!plain) {
                return false;
            }
        }
        String decoded;
        try {
            decoded = java.net.URLDecoder.decode(text.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return decoded.chars().noneMatch(c -> Character.isISOControl(c) || c == '\\' || c == 0xFFFD);
    }
}
