package io.lytx.servlet.identity;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The values of one cookie name in a request, in the order the browser sent them. A browser sends
 * several cookies of one name when they differ in path or domain (the more specific path first,
 * then the older one first, RFC 6265 section 5.4), and a hostile client can send any list, so the
 * plugin never lets "the last one" decide: the visitor id takes the first value that is a valid id
 * and that the binding marker vouches for ({@link IdentityResolver}); consent needs every value to
 * grant it ({@link ConsentPolicy}). Stateless and thread-safe.
 */
final class RequestCookies {

    private RequestCookies() {
    }

    /**
     * Every value of the cookie {@code name}, in request order (empty when there is none).
     *
     * @param request the request, never null
     * @param name    the cookie name, never null
     */
    static List<String> values(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>(2);
        for (Cookie c : cookies) {
            if (name.equals(c.getName())) {
                out.add(c.getValue() == null ? "" : c.getValue());
            }
        }
        return out;
    }
}
