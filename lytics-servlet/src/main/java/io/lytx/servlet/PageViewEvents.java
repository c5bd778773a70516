package io.lytx.servlet;

import io.lytx.servlet.collect.CollectEvent;
import io.lytx.servlet.collect.EventFields;
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
 * optionally {@code user_agent} and {@code ip}) and the login event that stitches a known user to a
 * visitor id ({@code _e=login}, the name Lytics' server-side login guide uses). Every event carries
 * its time in {@code _ts}, which the collector names to Lytics as the upload's {@code timestamp_field}.
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
    /** Field names of a page view other than {@code utm_*} (and the reserved {@code _eid}). */
    private static final String[] PAGE_VIEW_FIELDS = {"_e", "_ts", "_uid", "_pvid", "url", "_ref", "_ul", "user_agent", "ip"};

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
     * field values ({@code url}, {@code _ref}, {@code utm_*}, ...) to the collector's worker, which
     * writes them straight into the batch.
     *
     * @param page       request facts, never null
     * @param identity   the visitor (with a visitor id), never null
     * @param pageViewId the {@code _pvid}, never null
     * @param nowMillis  the event time, epoch milliseconds
     */
    public CollectEvent pageView(PageRequest page, Identity identity, String pageViewId, long nowMillis) {
        if (!deferrable(identity)) {
            return eagerPageView(page, identity, pageViewId, nowMillis);
        }
        return CollectEvent.of(new PageView(Objects.requireNonNull(page, "page"), identity, null, pageViewId,
                nowMillis, userAgent, ipMode));
    }

    /** As {@link #pageView(PageRequest, Identity, String, long)}, with the page view id the page shares. */
    CollectEvent pageView(PageRequest page, Identity identity, PageViewId pageViewId, long nowMillis) {
        if (!deferrable(identity)) {
            return eagerPageView(page, identity, pageViewId.text(), nowMillis);
        }
        return CollectEvent.of(new PageView(page, identity, pageViewId, null, nowMillis, userAgent, ipMode));
    }

    /**
     * Whether the fields can be written by {@link PageView}: a known user's identity field named like
     * a page-view field would replace that field's value in place, which only the builder models.
     */
    private static boolean deferrable(Identity identity) {
        if (!identity.known()) {
            return true;
        }
        String field = identity.knownField();
        for (String name : PAGE_VIEW_FIELDS) {
            if (name.equals(field)) {
                return false;
            }
        }
        for (String utm : UTM) {
            if (utm.equals(field)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The page-view event built field by field on the calling thread: the reference the deferred
     * {@link PageView} must match, and the path for an identity field named like a page-view field.
     */
    CollectEvent eagerPageView(PageRequest page, Identity identity, String pageViewId, long nowMillis) {
        CollectEvent.Builder b = CollectEvent.builder()
                .put("_e", PAGE_VIEW_EVENT)
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

    /**
     * The referrer without protocol when it is another site's, else null (same-site navigation is
     * not a referral). Only http(s) referrers count.
     */
    static String externalReferrer(String referer, String host) {
        int start = referrerStart(referer, host);
        return start < 0 ? null : cut(referer.substring(start), MAX_URL);
    }

    /** Whether the port is the scheme's default (or unknown), so that the URL leaves it out. */
    static boolean defaultPort(PageRequest page) {
        return page.port() <= 0 || ("http".equalsIgnoreCase(page.scheme()) && page.port() == 80)
                || ("https".equalsIgnoreCase(page.scheme()) && page.port() == 443);
    }

    /**
     * Where the referrer without protocol starts in {@code referer} (7 or 8) when it is another
     * site's, else -1: {@link #externalReferrer} without allocating.
     */
    static int referrerStart(String referer, String host) {
        if (referer == null) {
            return -1;
        }
        int start;
        if (referer.regionMatches(true, 0, "https://", 0, 8)) {
            start = 8;
        } else if (referer.regionMatches(true, 0, "http://", 0, 7)) {
            start = 7;
        } else {
            return -1;
        }
        int end = referer.length();
        for (int i = start; i < referer.length(); i++) {
            char c = referer.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        // the authority is referer[start, end); its host follows any user info and precedes any port
        int hostStart = start;
        for (int i = end - 1; i >= start; i--) {
            if (referer.charAt(i) == '@') {
                hostStart = i + 1;
                break;
            }
        }
        int colon = -1;
        int bracket = -1;
        for (int i = hostStart; i < end; i++) {
            char c = referer.charAt(i);
            if (c == ':') {
                colon = i;
            } else if (c == ']' && bracket < 0) {
                bracket = i;
            }
        }
        int hostEnd = colon >= 0 && bracket < colon ? colon : end;
        int hostLength = hostEnd - hostStart;
        if (hostLength == 0 || (host != null && hostLength == host.length()
                && referer.regionMatches(true, hostStart, host, 0, hostLength))) {
            return -1;
        }
        return start;
    }

    /** The first language tag of Accept-Language ({@code fr-CH, fr;q=0.9} gives {@code fr-CH}), or null. */
    static String primaryLanguage(String acceptLanguage) {
        long range = languageRange(acceptLanguage);
        return range < 0 ? null : acceptLanguage.substring((int) (range >>> 32), (int) range);
    }

    /**
     * Where {@link #primaryLanguage} lies in the header, as {@code start << 32 | end}, or -1 when
     * there is none; no allocation.
     */
    static long languageRange(String acceptLanguage) {
        if (acceptLanguage == null) {
            return -1;
        }
        int comma = acceptLanguage.indexOf(',');
        int end = comma < 0 ? acceptLanguage.length() : comma;
        for (int i = 0; i < end; i++) {
            if (acceptLanguage.charAt(i) == ';') {
                end = i;
                break;
            }
        }
        int start = 0;
        while (start < end && Character.isWhitespace(acceptLanguage.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(acceptLanguage.charAt(end - 1))) {
            end--;
        }
        int length = end - start;
        if (length == 0 || length > 35 || (length == 1 && acceptLanguage.charAt(start) == '*')) {
            return -1;
        }
        for (int i = start; i < end; i++) {
            char c = acceptLanguage.charAt(i);
            if (!(c == '-' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                return -1;
            }
        }
        return (long) start << 32 | end;
    }

    /**
     * Writes the {@code utm_*} fields of the query as {@link #putUtm} puts them: in the order of each
     * name's first usable value, with its last usable value (decoded, non-blank, cut at
     * {@link #MAX_UTM}). Values without {@code %} or {@code +} are written from the query as they
     * are, with no allocation.
     */
    static void writeUtm(EventFields.Writer out, String query) {
        if (query == null || query.indexOf("utm_") < 0) {
            return;
        }
        // the names in order of their first usable value, 3 bits each (index + 1)
        long order = 0;
        int shift = 0;
        int seen = 0;
        for (int from = 0; from < query.length(); ) {
            int amp = query.indexOf('&', from);
            int end = amp < 0 ? query.length() : amp;
            int utm = utmIndex(query, from, end);
            if (utm >= 0 && (seen & (1 << utm)) == 0 && utmValue(query, from, end) != null) {
                seen |= 1 << utm;
                order |= (long) (utm + 1) << shift;
                shift += 3;
            }
            from = end + 1;
        }
        for (; order != 0; order >>>= 3) {
            int utm = (int) (order & 7) - 1;
            int lastFrom = -1;
            int lastEnd = -1;
            for (int from = 0; from < query.length(); ) {
                int amp = query.indexOf('&', from);
                int end = amp < 0 ? query.length() : amp;
                if (utmIndex(query, from, end) == utm && utmValue(query, from, end) != null) {
                    lastFrom = from;
                    lastEnd = end;
                }
                from = end + 1;
            }
            int start = query.indexOf('=', lastFrom) + 1;
            out.begin(UTM[utm]);
            if (needsDecoding(query, start, lastEnd)) {
                String value = decode(query.substring(start, lastEnd));
                out.append(value, 0, Math.min(value.length(), MAX_UTM));
            } else {
                out.append(query, start, Math.min(lastEnd, start + MAX_UTM));
            }
            out.end();
        }
    }

    /** Which UTM name the pair {@code query[from, end)} has, or -1. */
    private static int utmIndex(String query, int from, int end) {
        int eq = query.indexOf('=', from);
        if (eq <= from || eq >= end) {
            return -1;
        }
        for (int i = 0; i < UTM.length; i++) {
            String name = UTM[i];
            if (eq - from == name.length() && query.startsWith(name, from)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The usable value of the pair {@code query[from, end)} (whose name is a UTM name) as
     * {@link #putUtm} decodes it, or null when it is blank or malformed. A value with no {@code %}
     * or {@code +} is checked in place: {@code ""} stands for "usable, take it from the query".
     */
    private static String utmValue(String query, int from, int end) {
        int start = query.indexOf('=', from) + 1;
        if (!needsDecoding(query, start, end)) {
            for (int i = start; i < end; i++) {
                if (!Character.isWhitespace(query.charAt(i))) {
                    return "";
                }
            }
            return null;
        }
        String value = decode(query.substring(start, end));
        return value != null && !value.isBlank() ? value : null;
    }

    private static boolean needsDecoding(String query, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = query.charAt(i);
            if (c == '%' || c == '+') {
                return true;
            }
        }
        return false;
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
