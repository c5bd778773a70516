package io.lytx.servlet;

import io.lytx.servlet.collect.CollectEvent;
import io.lytx.servlet.config.ClientIpMode;
import io.lytx.servlet.identity.Identity;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * Builds the events the filter forwards, with the field names of the Lytics JS tag: a page view
 * ({@code _e=pv}, {@code _ts}, {@code _uid}, the identity field when known, {@code url} without
 * protocol, {@code _ref} for an external referrer, {@code utm_*}, {@code _ul}, {@code _pvid}, and
 * optionally {@code user_agent} and {@code ip}) and the identify event that stitches a known user
 * to a visitor id ({@code _e=identify}).
 *
 * <p>Cheap and non-blocking: no JSON, no I/O; every value is bounded in length. Immutable and thread-safe.
 */
public final class PageViewEvents {

    /** Longest URL or referrer forwarded (longer ones are cut). */
    static final int MAX_URL = 2048;
    /** Longest User-Agent forwarded. */
    static final int MAX_USER_AGENT = 512;
    /** Longest UTM value forwarded. */
    static final int MAX_UTM = 256;

    private static final String[] UTM = {"utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content", "utm_id"};

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
     * The page-view event of a request.
     *
     * @param page       request facts, never null
     * @param identity   the visitor (with a visitor id), never null
     * @param pageViewId the {@code _pvid}, never null
     * @param nowMillis  the event time, epoch milliseconds
     */
    public CollectEvent pageView(PageRequest page, Identity identity, String pageViewId, long nowMillis) {
        CollectEvent.Builder b = CollectEvent.builder()
                .put("_e", "pv")
                .put("_ts", Long.toString(nowMillis))
                .put("_uid", identity.visitorId())
                .put("_pvid", pageViewId)
                .put("url", urlWithoutProtocol(page))
                .put("_ref", externalReferrer(page.referer(), page.host()))
                .put("_ul", primaryLanguage(page.acceptLanguage()));
        if (identity.known()) {
            b.put(identity.knownField(), identity.knownValue());
        }
        putUtm(b, page.query());
        if (userAgent && page.userAgent() != null) {
            b.put("user_agent", cut(page.userAgent(), MAX_USER_AGENT));
        }
        if (ipMode != ClientIpMode.OFF) {
            b.put("ip", ipMode == ClientIpMode.FULL ? ClientIps.normalize(page.remoteAddr())
                    : ClientIps.anonymize(page.remoteAddr()));
        }
        return b.build();
    }

    /**
     * The identify event that tells Lytics a known user and a visitor id are the same person.
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
                .put("_e", "identify")
                .put("_ts", Long.toString(nowMillis))
                .put("_uid", identity.visitorId())
                .put(identity.knownField(), identity.knownValue())
                .build();
    }

    /** {@code host[:port]/path?query}: the page URL without protocol, as the JS tag sends it; cut at 2048. */
    static String urlWithoutProtocol(PageRequest page) {
        StringBuilder url = new StringBuilder(64).append(page.host() == null ? "" : page.host().toLowerCase(Locale.ROOT));
        boolean defaultPort = page.port() <= 0 || ("http".equalsIgnoreCase(page.scheme()) && page.port() == 80)
                || ("https".equalsIgnoreCase(page.scheme()) && page.port() == 443);
        if (!defaultPort) {
            url.append(':').append(page.port());
        }
        url.append(page.requestUri() == null ? "/" : page.requestUri());
        if (page.query() != null && !page.query().isEmpty()) {
            url.append('?').append(page.query());
        }
        return cut(url.toString(), MAX_URL);
    }

    /**
     * The referrer without protocol when it is another site's, else null (same-site navigation is
     * not a referral). Only http(s) referrers count.
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
        int end = rest.length();
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        String authority = rest.substring(0, end);
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            authority = authority.substring(at + 1);
        }
        int colon = authority.lastIndexOf(':');
        String refHost = colon >= 0 && authority.indexOf(']') < colon ? authority.substring(0, colon) : authority;
        if (refHost.isEmpty() || (host != null && refHost.equalsIgnoreCase(host))) {
            return null;
        }
        return cut(rest, MAX_URL);
    }

    /** The first language tag of Accept-Language ({@code fr-CH, fr;q=0.9} gives {@code fr-CH}), or null. */
    static String primaryLanguage(String acceptLanguage) {
        if (acceptLanguage == null) {
            return null;
        }
        int comma = acceptLanguage.indexOf(',');
        String first = comma < 0 ? acceptLanguage : acceptLanguage.substring(0, comma);
        int semi = first.indexOf(';');
        String tag = (semi < 0 ? first : first.substring(0, semi)).strip();
        if (tag.isEmpty() || tag.length() > 35 || tag.equals("*")) {
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

    private static void putUtm(CollectEvent.Builder b, String query) {
        if (query == null || query.indexOf("utm_") < 0) {
            return;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = pair.substring(0, eq);
            for (String utm : UTM) {
                if (utm.equals(name)) {
                    String value = decode(pair.substring(eq + 1));
                    if (value != null && !value.isBlank()) {
                        b.put(utm, cut(value, MAX_UTM));
                    }
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

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
