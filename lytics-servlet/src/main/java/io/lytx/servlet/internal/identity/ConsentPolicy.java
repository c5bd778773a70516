package io.lytx.servlet.internal.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/**
 * Decides whether a request carries consent to identify and track the visitor. Without consent the
 * plugin mints no cookie, collects nothing and fetches nothing.
 *
 * <p>Modes (combinable): none required; Global Privacy Control ({@code Sec-GPC: 1} refuses); a
 * consent cookie with a given name and value (required). When the request carries the consent cookie
 * more than once (different paths or domains, or a hostile client), consent holds only when every
 * value is the granting one: a refusal (any other value) beats a grant, whatever the order, the same
 * "order never decides" rule as the visitor-id cookie ({@link IdentityResolver}). Immutable,
 * thread-safe, non-blocking.
 */
public final class ConsentPolicy {

    private final boolean honourGpc;
    private final String cookieName;
    private final String cookieValue;

    /**
     * @param honourGpc   whether {@code Sec-GPC: 1} refuses consent
     * @param cookieName  the consent cookie required, or null when no cookie is required
     * @param cookieValue the value of that cookie that grants consent (ignored when {@code cookieName} is null)
     */
    public ConsentPolicy(boolean honourGpc, String cookieName, String cookieValue) {
        this.honourGpc = honourGpc;
        this.cookieName = cookieName;
        this.cookieValue = cookieValue;
    }

    /** Whether the policy requires nothing. */
    public boolean alwaysGranted() {
        return !honourGpc && cookieName == null;
    }

    /**
     * Whether {@code request} has consent.
     *
     * @param request the current request, never null
     */
    public boolean granted(HttpServletRequest request) {
        if (honourGpc && "1".equals(trim(request.getHeader("Sec-GPC")))) {
            return false;
        }
        if (cookieName == null) {
            return true;
        }
        List<String> values = RequestCookies.values(request, cookieName);
        return !values.isEmpty() && values.stream().allMatch(cookieValue::equals);
    }

    private static String trim(String s) {
        return s == null ? null : s.strip();
    }
}
