package io.lytx.servlet.identity;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Objects;

/**
 * Resolves the {@link Identity} of a request that has consent: reads the visitor-id cookie (the
 * first value in an accepted format; any other value is ignored and replaced, never sent upstream),
 * mints a UUID v4 with a {@code Set-Cookie} when there is none, and adds the known user.
 *
 * <p>Immutable and thread-safe; never blocks. Call it before the response is committed.
 */
public final class IdentityResolver {

    private final IdentityCookie cookie;
    private final boolean alwaysSecure;
    private final boolean neverSecure;
    private final KnownUserResolver knownUsers;
    private final String identityField;

    /**
     * @param cookie        the cookie writer, never null
     * @param alwaysSecure  add {@code Secure} even on plain HTTP
     * @param neverSecure   never add {@code Secure} (takes effect only when {@code alwaysSecure} is false)
     * @param knownUsers    finds the logged-in user, never null
     * @param identityField the Lytics field of a known user's value, never null
     */
    public IdentityResolver(IdentityCookie cookie, boolean alwaysSecure, boolean neverSecure,
                            KnownUserResolver knownUsers, String identityField) {
        this.cookie = Objects.requireNonNull(cookie, "cookie");
        this.alwaysSecure = alwaysSecure;
        this.neverSecure = neverSecure;
        this.knownUsers = Objects.requireNonNull(knownUsers, "knownUsers");
        this.identityField = Objects.requireNonNull(identityField, "identityField");
    }

    /**
     * Resolves the identity, adding a {@code Set-Cookie} header to {@code response} when an id is minted.
     *
     * @param request  the current request, never null
     * @param response its response, never null; not yet committed
     */
    public Identity resolve(HttpServletRequest request, HttpServletResponse response) {
        String visitorId = cookieValue(request, cookie.name());
        boolean minted = false;
        if (visitorId == null) {
            visitorId = VisitorIds.mint();
            minted = true;
            boolean secure = alwaysSecure || (!neverSecure && request.isSecure());
            response.addHeader("Set-Cookie", cookie.headerValue(visitorId, secure));
        }
        String known = knownUsers.resolve(request);
        return new Identity(visitorId, minted, known == null ? null : identityField, known);
    }

    /**
     * The first cookie named {@code name} whose value is an accepted visitor id, or null.
     *
     * @param request the request, never null
     * @param name    the cookie name, never null
     */
    public static String cookieValue(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie c : cookies) {
            if (name.equals(c.getName()) && VisitorIds.isValid(c.getValue())) {
                return c.getValue();
            }
        }
        return null;
    }
}
