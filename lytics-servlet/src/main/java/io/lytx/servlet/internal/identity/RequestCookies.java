package io.lytx.servlet.internal.identity;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

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

    /**
     * The first {@code max} distinct values of the cookie {@code name} that {@code accepted} accepts, in
     * request order (an empty list when there is none); a value-less cookie counts as {@code ""}.
     *
     * @param request  the request, never null
     * @param name     the cookie name, never null
     * @param accepted which values to keep, never null
     * @param max      the most values returned, at least 1
     */
    static List<String> distinct(HttpServletRequest request, String name, Predicate<String> accepted, int max) {
        Cookie[] cookies = request.getCookies();
        List<String> out = new ArrayList<>(1);
        if (cookies == null) {
            return out;
        }
        for (Cookie c : cookies) {
            String value = c.getValue() == null ? "" : c.getValue();
            if (name.equals(c.getName()) && accepted.test(value) && !out.contains(value)) {
                out.add(value);
                if (out.size() == max) {
                    break;
                }
            }
        }
        return out;
    }

    /**
     * The first value of the cookie {@code name} in request order, or null when there is none.
     *
     * @param request the request, never null
     * @param name    the cookie name, never null
     */
    static String first(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie c : cookies) {
            if (name.equals(c.getName())) {
                return c.getValue() == null ? "" : c.getValue();
            }
        }
        return null;
    }
}
