package io.lytx.servlet.internal.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;

/**
 * Finds the logged-in user of a request: a configured request attribute, then the same session
 * attribute (an existing session only: none is created), then, when enabled, the container's
 * {@link HttpServletRequest#getUserPrincipal() principal}. The value must be text of 1 to 256
 * characters without control characters; anything else is ignored.
 *
 * <p>Immutable and thread-safe; never blocks.
 */
public final class KnownUserResolver {

    /** Longest identity value accepted (Lytics' identifier limit). */
    public static final int MAX_LENGTH = 256;

    private final String attribute;
    private final boolean usePrincipal;

    /**
     * @param attribute    a request/session attribute name holding the identity value, or null for none
     * @param usePrincipal whether to fall back to the principal name
     */
    public KnownUserResolver(String attribute, boolean usePrincipal) {
        this.attribute = attribute;
        this.usePrincipal = usePrincipal;
    }

    /**
     * The known user's identity value, or null.
     *
     * @param request the current request, never null
     */
    public String resolve(HttpServletRequest request) {
        if (attribute != null) {
            String value = accept(request.getAttribute(attribute));
            if (value != null) {
                return value;
            }
            HttpSession session = request.getSession(false);
            if (session != null) {
                try {
                    value = accept(session.getAttribute(attribute));
                } catch (IllegalStateException invalidated) {
                    value = null;
                }
                if (value != null) {
                    return value;
                }
            }
        }
        if (usePrincipal) {
            Principal principal = request.getUserPrincipal();
            if (principal != null) {
                return accept(principal.getName());
            }
        }
        return null;
    }

    /**
     * The value as an identity, or null when it is not acceptable (not a String or CharSequence,
     * blank, longer than {@link #MAX_LENGTH}, or containing control characters).
     */
    static String accept(Object candidate) {
        if (!(candidate instanceof CharSequence)) {
            return null;
        }
        String value = candidate.toString().strip();
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return null;
            }
        }
        return value;
    }
}
