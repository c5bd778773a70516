package io.lytx.servlet.internal.identity;

import io.lytx.servlet.Identity;
import io.lytx.servlet.config.CookieSecurity;
import io.lytx.servlet.config.LyticsConfig;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Objects;

/**
 * Resolves the {@link Identity} of a request that has consent, and keeps one visitor id to one person.
 *
 * <p>The visitor id comes from the {@code seerid} cookie (only values in an accepted format; any
 * other value is ignored and replaced, never sent upstream). Next to it the companion cookie
 * {@code <name>_bind} holds an {@link IdentityBinding} marker saying whom the id belongs to: the
 * known user it was last used with, or nobody. Rules, in order:
 * <ol>
 *   <li>an id that the marker binds to the request's identity (the same user, or still anonymous)
 *       is kept, and nothing is written;</li>
 *   <li>a logged-in user arriving with an id the marker binds to nobody (an anonymous visitor who
 *       logs in) keeps it, and the marker is re-bound to them (the identify event then stitches the
 *       anonymous history to the user, which is what login stitching is for);</li>
 *   <li>an id without any marker (set by the Lytics JS tag, or before this version) is adopted for
 *       the request's identity;</li>
 *   <li>otherwise, i.e. the marker binds the id to someone else (another user logged in, or the user
 *       logged out or their session ended) or is not one of ours: the id is <b>rotated</b>: a new
 *       UUID v4 replaces it, bound to the request's identity. The old id is never used again for
 *       this browser and is not reported as a previous id ({@code _uido}), so Lytics cannot stitch
 *       the two people.</li>
 * </ol>
 * When the browser sends several {@code seerid} values (paths, domains), the one the marker vouches
 * for wins, whatever its place. The cookies to write are returned with the identity, not written:
 * the caller decides when (see {@code CookieDeferringResponse}).
 *
 * <p>Immutable and thread-safe; never blocks.
 */
public final class IdentityResolver {

    /** Most {@code seerid} values of one request examined: a browser sends one, or a few copies. */
    static final int MAX_IDS = 4;

    private final IdentityCookie cookie;
    private final boolean alwaysSecure;
    private final boolean neverSecure;
    private final KnownUserResolver knownUsers;
    private final String identityField;
    private final IdentityBinding binding;

    /**
     * @param cookie        the cookie writer, never null
     * @param alwaysSecure  add {@code Secure} even on plain HTTP
     * @param neverSecure   never add {@code Secure} (takes effect only when {@code alwaysSecure} is false)
     * @param knownUsers    finds the logged-in user, never null
     * @param identityField the Lytics field of a known user's value, never null
     * @param binding       makes and checks the binding markers, never null
     */
    public IdentityResolver(IdentityCookie cookie, boolean alwaysSecure, boolean neverSecure,
                            KnownUserResolver knownUsers, String identityField, IdentityBinding binding) {
        this.cookie = Objects.requireNonNull(cookie, "cookie");
        this.alwaysSecure = alwaysSecure;
        this.neverSecure = neverSecure;
        this.knownUsers = Objects.requireNonNull(knownUsers, "knownUsers");
        this.identityField = Objects.requireNonNull(identityField, "identityField");
        this.binding = Objects.requireNonNull(binding, "binding");
    }

    /**
     * The resolver a deployment's settings describe (cookie, security, known user, identity field, and
     * the binding key derived from the API token). The filter and the first-party endpoints use one each.
     *
     * @param config an active config (with a token), never null
     */
    public static IdentityResolver forConfig(LyticsConfig config) {
        CookieSecurity security = config.cookieSecurity();
        return new IdentityResolver(
                new IdentityCookie(config.cookieName(), config.cookieMaxAge(), config.cookieDomain().orElse(null)),
                security == CookieSecurity.ALWAYS,
                security == CookieSecurity.NEVER,
                new KnownUserResolver(config.identityAttribute().orElse(null), config.identityPrincipal()),
                config.identityField(), IdentityBinding.derivedFrom(config.apiToken().orElseThrow()));
    }

    /**
     * The identity of a request and the cookies that must reach the browser for it.
     *
     * @param identity   the identity, never null
     * @param setCookies {@code Set-Cookie} header values to add (empty when the browser's cookies are right)
     * @param rotated    whether the browser's id was replaced because it belonged to someone else
     */
    public record Resolution(Identity identity, List<String> setCookies, boolean rotated) {

        /** @throws NullPointerException if an argument is null */
        public Resolution {
            Objects.requireNonNull(identity, "identity");
            setCookies = List.copyOf(setCookies);
        }
    }

    /**
     * Resolves the identity of a request (see the class comment for the rules).
     *
     * @param request the current request, never null
     */
    public Resolution resolve(HttpServletRequest request) {
        String known = knownUsers.resolve(request);
        String field = known == null ? null : identityField;
        boolean secure = alwaysSecure || (!neverSecure && request.isSecure());
        Kept kept = keep(request, field, known);
        if (kept.id() != null) {
            return kept.marked() ? new Resolution(new Identity(kept.id(), false, field, known), List.of(), false)
                    : bound(kept.id(), field, known, secure);
        }
        String minted = VisitorIds.mint();
        List<String> headers = List.of(cookie.headerValue(minted, secure),
                cookie.bindingHeaderValue(binding.marker(minted, field, known), secure));
        return new Resolution(new Identity(minted, true, field, known), headers, kept.hadIds());
    }

    /**
     * The visitor id this browser acts as now, changing nothing: the id {@link #resolve} would keep (the
     * one its marker binds to the person logged in now, or an unmarked one), or null when it would mint
     * a new one (no id, or every id belongs to someone else). For endpoints that must never act for the
     * previous person of a shared browser, such as the collect relay.
     *
     * @param request the current request, never null
     */
    public String currentId(HttpServletRequest request) {
        String known = knownUsers.resolve(request);
        return keep(request, known == null ? null : identityField, known).id();
    }

    /** The id kept, whether its marker already binds it to this person, and whether the browser sent any id. */
    private record Kept(String id, boolean marked, boolean hadIds) {
    }

    private Kept keep(HttpServletRequest request, String field, String known) {
        List<String> ids = validIds(request);
        String marker = RequestCookies.first(request, cookie.bindingName());
        if (marker == null) {
            return new Kept(ids.isEmpty() ? null : ids.get(0), false, !ids.isEmpty());
        }
        for (String id : ids) {
            if (binding.binds(marker, id, field, known)) {
                return new Kept(id, true, true);
            }
        }
        if (known != null) {
            for (String id : ids) {
                if (binding.binds(marker, id, null, null)) {
                    return new Kept(id, false, true); // an anonymous visitor who logged in keeps the id
                }
            }
        }
        return new Kept(null, false, !ids.isEmpty());
    }

    private Resolution bound(String id, String field, String known, boolean secure) {
        return new Resolution(new Identity(id, false, field, known),
                List.of(cookie.bindingHeaderValue(binding.marker(id, field, known), secure)), false);
    }

    /** The first {@value #MAX_IDS} distinct valid ids (a hostile list costs at most that many MACs). */
    private List<String> validIds(HttpServletRequest request) {
        return RequestCookies.distinct(request, cookie.name(), VisitorIds::isValid, MAX_IDS);
    }
}
