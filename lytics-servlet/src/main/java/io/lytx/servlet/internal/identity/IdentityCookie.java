package io.lytx.servlet.internal.identity;

import java.time.Duration;
import java.util.Objects;

/**
 * Writes the {@code Set-Cookie} header of a minted visitor id: {@code Path=/}, {@code Max-Age},
 * {@code SameSite=Lax}, {@code Secure} on HTTPS, an optional {@code Domain}, and deliberately NOT
 * {@code HttpOnly}, because the Lytics JS tag reads the same cookie. A server-set cookie is not cut
 * to 7 days by Safari, unlike one written by JavaScript.
 *
 * <p>Immutable and thread-safe. Name, domain and value are validated before they get here
 * ({@link io.lytx.servlet.config.LyticsConfig} and {@link VisitorIds}), so the header cannot be split.
 */
public final class IdentityCookie {

    private final String name;
    private final String bindingName;
    private final long maxAgeSeconds;
    private final String domain;

    /**
     * @param name   a validated cookie name, never null
     * @param maxAge the lifetime, positive
     * @param domain a validated domain, or null for a host-only cookie
     * @throws NullPointerException if {@code name} or {@code maxAge} is null
     */
    public IdentityCookie(String name, Duration maxAge, String domain) {
        this.name = Objects.requireNonNull(name, "name");
        this.bindingName = name + "_bind";
        this.maxAgeSeconds = Objects.requireNonNull(maxAge, "maxAge").toSeconds();
        this.domain = domain;
    }

    /** The cookie name. */
    public String name() {
        return name;
    }

    /** The name of the companion cookie holding the {@link IdentityBinding} marker: {@code <name>_bind}. */
    public String bindingName() {
        return bindingName;
    }

    /**
     * The header value for {@code Set-Cookie} of the binding marker: the same path, lifetime, domain
     * and {@code Secure} as the visitor id, and {@code HttpOnly} (no script needs it).
     *
     * @param marker a marker made by {@link IdentityBinding#marker} (base64url and a dot: header-safe)
     * @param secure whether to add {@code Secure}
     * @throws IllegalArgumentException if {@code marker} holds other characters
     */
    public String bindingHeaderValue(String marker, boolean secure) {
        if (marker == null || marker.isEmpty() || marker.length() > IdentityBinding.MAX_LENGTH
                || !marker.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_' || c == '.')) {
            throw new IllegalArgumentException("not a binding marker");
        }
        return attributes(new StringBuilder(128).append(bindingName()).append('=').append(marker), secure)
                .append("; HttpOnly").toString();
    }

    /**
     * The header value for {@code Set-Cookie}.
     *
     * @param visitorId a valid id ({@link VisitorIds#isValid})
     * @param secure    whether to add {@code Secure}
     * @throws IllegalArgumentException if {@code visitorId} is not a valid id
     */
    public String headerValue(String visitorId, boolean secure) {
        if (!VisitorIds.isValid(visitorId)) {
            throw new IllegalArgumentException("not a valid visitor id");
        }
        return attributes(new StringBuilder(128).append(name).append('=').append(visitorId), secure).toString();
    }

    private StringBuilder attributes(StringBuilder out, boolean secure) {
        out.append("; Path=/; Max-Age=").append(maxAgeSeconds);
        if (domain != null) {
            out.append("; Domain=").append(domain);
        }
        out.append("; SameSite=Lax");
        if (secure) {
            out.append("; Secure");
        }
        return out;
    }
}
