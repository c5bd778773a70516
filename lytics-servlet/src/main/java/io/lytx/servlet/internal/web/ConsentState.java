package io.lytx.servlet.internal.web;

import io.lytx.servlet.config.LyticsConfig;
import io.lytx.servlet.internal.identity.ConsentPolicy;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;

/**
 * The consent value of the bootstrap contract for a request: {@code not-required} (no consent mode),
 * {@code denied} (Global Privacy Control refuses), {@code granted} (the consent cookie is there) or
 * {@code pending} (a consent cookie is required and absent). Immutable and thread-safe.
 */
public final class ConsentState {

    private final LyticsConfig config;
    private final ConsentPolicy policy;

    /** @param config the plugin config, never null */
    public ConsentState(LyticsConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.policy = new ConsentPolicy(config.consentGpc(), config.consentCookieName().orElse(null),
                config.consentCookieValue());
    }

    /**
     * The consent value of a request.
     *
     * @param request the request, never null
     */
    public String of(HttpServletRequest request) {
        if (policy.alwaysGranted()) {
            return "not-required";
        }
        String gpc = request.getHeader("Sec-GPC");
        if (config.consentGpc() && gpc != null && gpc.strip().equals("1")) {
            return "denied";
        }
        return policy.granted(request) ? "granted" : "pending";
    }

    /** Whether the request has consent (same rule as the filter). */
    public boolean granted(HttpServletRequest request) {
        return policy.granted(request);
    }
}
