package io.lytx.servlet.internal.page;

import io.lytx.servlet.Identity;
import io.lytx.servlet.config.ClientIpMode;
import io.lytx.servlet.internal.collect.CollectEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the events the filter forwards, with the field names of the Lytics JS tag: a page view
 * ({@code _e=pv}, {@code _ts}, {@code _uid}, the identity field when known, {@code url} without
 * protocol, {@code _ref} for an external referrer, {@code utm_*}, {@code _ul}, {@code _pvid}, and
 * optionally {@code user_agent} and {@code ip}) and the login event that stitches a known user to a
 * visitor id ({@code _e=login}, the name Lytics' server-side login guide uses). Every event carries
 * its time in {@code _ts}, which the collector names to Lytics as the upload's {@code timestamp_field}.
 *
 * <p>A page view keeps the request facts and its fields are derived on the collector's worker
 * ({@link CollectEvent#of}); the login event is built at once. Non-blocking: no JSON, no I/O; every
 * value is bounded in length. Immutable and thread-safe.
 */
public final class PageViewEvents {

    /** Longest URL or referrer forwarded (longer ones are cut). */
    static final int MAX_URL = 2048;
    /** Longest User-Agent forwarded. */
    static final int MAX_USER_AGENT = 512;
    /** Longest UTM value forwarded. */
    static final int MAX_UTM = 256;

    private static final List<String> UTM = List.of("utm_source", "utm_medium", "utm_campaign", "utm_term",
            "utm_content", "utm_id");

    /** {@code _e} of a page view, as the Lytics JS tag names it. */
    public static final String PAGE_VIEW_EVENT = "pv";
    /** {@code _e} of the event that stitches a known user to a visitor id, as Lytics' login guide names it. */
    public static final String LOGIN_EVENT = "login";

    private final boolean userAgent;
    private final ClientIpMode ipMode;

    /**
     * @param userAgent whether to add {@code user_agent}
     * @param ipMode    whether and how to add {@code ip}; never null
     */
    public PageViewEvents(boolean userAgent, ClientIpMode ipMode) {
        this.userAgent = userAgent;
        this.ipMode = Objects.requireNonNull(ipMode, "ipMode");
    }

    /**
     * The page-view event of a request. Cheap: it keeps the request facts and leaves deriving the
     * field values ({@code url}, {@code _ref}, {@code utm_*}, ...) to the collector's worker. Its event
     * id is the page-view id: the server sends one page view per page, so that id is as unique as
     * a second random one would be.
     *
     * @param page       request facts, never null
     * @param identity   the visitor (with a visitor id), never null
     * @param pageViewId the {@code _pvid}, never null
     * @param nowMillis  the event time, epoch milliseconds
     * @return the event; never null
     * @throws NullPointerException if an argument is null
     */
    public CollectEvent pageView(PageRequest page, Identity identity, String pageViewId, long nowMillis) {
        return CollectEvent.of(new PageView(Objects.requireNonNull(page, "page"),
                Objects.requireNonNull(identity, "identity"), Objects.requireNonNull(pageViewId, "pageViewId"),
                nowMillis, userAgent, ipMode), pageViewId);
    }

    /**
     * The login event that tells Lytics a known user and a visitor id are the same person: {@code _e=login}
     * as in Lytics' server-side login guide (docs.lytics.com, "server-side login event tracking"), with
     * the visitor id and the user's identity field.
     *
     * @param identity a known identity with a visitor id
     * @param nowMillis event time
     * @throws IllegalArgumentException if the identity is not known or has no visitor id
     */
    public CollectEvent identify(Identity identity, long nowMillis) {
        if (!identity.known() || identity.visitorId() == null) {
            throw new IllegalArgumentException("identify needs a known user and a visitor id");
        }
        return CollectEvent.builder()
                .put("_e", LOGIN_EVENT)
                .put("_ts", Long.toString(nowMillis))
                .put("_uid", identity.visitorId())
                .put(identity.knownField(), identity.knownValue())
                .build();
    }

    /** {@code host[:port]/path?query}: the page URL without protocol, as the JS tag sends it; cut at 2048. */
    static String urlWithoutProtocol(PageRequest page) {
        StringBuilder url = new StringBuilder(64).append(page.host() == null ? "" : page.host().toLowerCase(Locale.ROOT));
        if (!defaultPort(page)) {
            url.append(':').append(page.port());
        }
        url.append(page.requestUri() == null ? "/" : page.requestUri());
        if (page.query() != null && !page.query().isEmpty()) {
            url.append('?').append(page.query());
        }
        return cut(url.toString(), MAX_URL);
    }

    /** Whether the port is the scheme's default (or unknown), so that the URL leaves it out. */
    private static boolean defaultPort(PageRequest page) {
        return page.port() <= 0 || ("http".equalsIgnoreCase(page.scheme()) && page.port() == 80)
                || ("https".equalsIgnoreCase(page.scheme()) && page.port() == 443);
    }

    /**
     * The referrer without protocol when it is another site's, else null (same-site navigation is
     * not a referral; the host is compared without case, user info and port). Only http(s)
     * referrers count. Cut at 2048.
     */
    static String externalReferrer(String referer, String host) {
        if (referer == null) {
            return null;
        }
        String rest;
        if (referer.regionMatches(true, 0, "https://", 0, 8)) {
            rest = referer.substring(8);
        } else if (referer.regionMatches(true, 0, "http://", 0, 7)) {
            rest = referer.substring(7);
        } else {
            return null;
        }
        int end = 0;
        while (end < rest.length() && "/?#".indexOf(rest.charAt(end)) < 0) {
            end++;
        }
        // the authority is rest[0, end): user info, then the host, then a port
        String hostAndPort = rest.substring(rest.lastIndexOf('@', end - 1) + 1, end);
        int colon = hostAndPort.lastIndexOf(':');
        // a colon inside an IPv6 literal's brackets is no port separator
        String refererHost = colon > hostAndPort.indexOf(']') ? hostAndPort.substring(0, colon) : hostAndPort;
        if (refererHost.isEmpty() || refererHost.equalsIgnoreCase(host)) {
            return null;
        }
        return cut(rest, MAX_URL);
    }

    /**
     * The first language tag of Accept-Language ({@code fr-CH, fr;q=0.9} gives {@code fr-CH}), or
     * null when it is {@code *}, empty, longer than 35 characters or not made of letters, digits
     * and hyphens.
     */
    static String primaryLanguage(String acceptLanguage) {
        if (acceptLanguage == null) {
            return null;
        }
        int comma = acceptLanguage.indexOf(',');
        String range = comma < 0 ? acceptLanguage : acceptLanguage.substring(0, comma);
        int semicolon = range.indexOf(';');
        String tag = (semicolon < 0 ? range : range.substring(0, semicolon)).strip();
        if (tag.isEmpty() || tag.length() > 35) {
            return null;
        }
        for (int i = 0; i < tag.length(); i++) {
            char c = tag.charAt(i);
            if (!(c == '-' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                return null;
            }
        }
        return tag;
    }

    /**
     * Puts the {@code utm_*} fields of the raw query into {@code fields}: each name in the order of
     * its first usable value, with its last usable value (decoded as a form value, not blank, cut at
     * {@link #MAX_UTM}); a value that cannot be decoded is not usable.
     *
     * @param fields where the fields go, in order; a name already there keeps its place and takes the value
     * @param query  the raw query string, or null
     */
    static void putUtm(Map<String, String> fields, String query) {
        if (query == null || !query.contains("utm_")) {
            return;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && UTM.contains(pair.substring(0, eq))) {
                String value = decode(pair.substring(eq + 1));
                if (value != null && !value.isBlank()) {
                    fields.put(pair.substring(0, eq), cut(value, MAX_UTM));
                }
            }
        }
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    /** {@code s} cut at {@code max} characters. */
    static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
