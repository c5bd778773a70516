package io.lytx.servlet.internal.page;

import io.lytx.servlet.Identity;
import io.lytx.servlet.config.ClientIpMode;
import io.lytx.servlet.internal.collect.EventFields;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One page-view event, kept as the raw request facts the filter read: the request thread pays for
 * this object only, and the collector's worker derives the fields ({@link #fields()}) when it writes
 * the event. Immutable and thread-safe.
 */
final class PageView implements EventFields {

    /** JSON punctuation of one field (quotes, colon, comma), as {@code CollectEvent} counts it. */
    private static final int FIELD = 6;
    /** Longest {@code ip} text: an IPv6 address written in full ({@code normalize} refuses longer input). */
    private static final int MAX_IP = 45;
    /** Longest {@code _ul}: a language tag of at most 35 characters. */
    private static final int MAX_LANGUAGE = 35;

    private final PageRequest page;
    private final Identity identity;
    private final String pageViewId;
    private final long nowMillis;
    private final boolean userAgent;
    private final ClientIpMode ipMode;

    /**
     * @param page       request facts, not null
     * @param identity   the visitor, with a visitor id
     * @param pageViewId the {@code _pvid}, not null
     * @param nowMillis  the event time, epoch milliseconds
     * @param userAgent  whether to add {@code user_agent}
     * @param ipMode     whether and how to add {@code ip}, not null
     */
    PageView(PageRequest page, Identity identity, String pageViewId, long nowMillis, boolean userAgent,
             ClientIpMode ipMode) {
        this.page = page;
        this.identity = identity;
        this.pageViewId = pageViewId;
        this.nowMillis = nowMillis;
        this.userAgent = userAgent;
        this.ipMode = ipMode;
    }

    /**
     * The event's fields in order: {@code _e}, {@code _ts}, {@code _uid}, {@code _pvid}, {@code url},
     * {@code _ref}, {@code _ul}, the known user's identity field, {@code utm_*}, {@code user_agent},
     * {@code ip}; a field without a value is left out. A later field of the same name replaces the
     * earlier one's value in its place (an identity field named {@code url} replaces the URL).
     */
    Map<String, String> fields() {
        Map<String, String> f = new LinkedHashMap<>();
        put(f, "_e", PageViewEvents.PAGE_VIEW_EVENT);
        put(f, "_ts", Long.toString(nowMillis));
        put(f, "_uid", identity.visitorId());
        put(f, "_pvid", pageViewId);
        put(f, "url", PageViewEvents.urlWithoutProtocol(page));
        put(f, "_ref", PageViewEvents.externalReferrer(page.referer(), page.host()));
        put(f, "_ul", PageViewEvents.primaryLanguage(page.acceptLanguage()));
        if (identity.known()) {
            put(f, identity.knownField(), identity.knownValue());
        }
        PageViewEvents.putUtm(f, page.query());
        if (userAgent && page.userAgent() != null) {
            put(f, "user_agent", PageViewEvents.cut(page.userAgent(), PageViewEvents.MAX_USER_AGENT));
        }
        if (ipMode == ClientIpMode.FULL) {
            put(f, "ip", ClientIps.normalize(page.remoteAddr()));
        } else if (ipMode == ClientIpMode.ANONYMIZED) {
            put(f, "ip", ClientIps.anonymize(page.remoteAddr()));
        }
        return f;
    }

    private static void put(Map<String, String> fields, String name, String value) {
        if (value != null) {
            fields.put(name, value);
        }
    }

    @Override
    public void writeTo(Writer out) {
        fields().forEach(out::field);
    }

    /**
     * An upper bound of the size of the fields for ASCII text, from the lengths of the request facts
     * (each derived value is at most as long as what it is cut from, or as its cap).
     */
    @Override
    public int estimatedBytes() {
        long n = field("_e", PageViewEvents.PAGE_VIEW_EVENT.length());
        n += field("_ts", digits(nowMillis));
        n += field("_uid", length(identity.visitorId()));
        n += field("_pvid", length(pageViewId));
        long url = length(page.host()) + 1 + 11 + Math.max(1, length(page.requestUri()))
                + (page.query() == null ? 0 : 1 + page.query().length()); // ":" port, "?" query
        n += field("url", Math.min(url, PageViewEvents.MAX_URL));
        if (page.referer() != null) {
            n += field("_ref", Math.min(page.referer().length(), PageViewEvents.MAX_URL));
        }
        if (page.acceptLanguage() != null) {
            n += field("_ul", Math.min(page.acceptLanguage().length(), MAX_LANGUAGE));
        }
        if (identity.known()) {
            n += identity.knownField().length() + length(identity.knownValue()) + FIELD;
        }
        String query = page.query();
        if (query != null && query.contains("utm_")) {
            // each utm field's name and value come from one pair of the query (decoding only shortens)
            n += Math.min(query.length(), 6L * ("utm_campaign=".length() + PageViewEvents.MAX_UTM)) + 6 * FIELD;
        }
        if (userAgent && page.userAgent() != null) {
            n += field("user_agent", Math.min(page.userAgent().length(), PageViewEvents.MAX_USER_AGENT));
        }
        if (ipMode != ClientIpMode.OFF && page.remoteAddr() != null) {
            // the written address is no longer than its input, or than 16 characters (an anonymized IPv6)
            n += field("ip", Math.min(Math.max(page.remoteAddr().length(), 16), MAX_IP));
        }
        return (int) Math.min(n, Integer.MAX_VALUE);
    }

    private static long field(String name, long valueLength) {
        return name.length() + valueLength + FIELD;
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    /** How many characters {@code Long.toString(value)} has, without making the text. */
    static int digits(long value) {
        int n = value < 0 ? 2 : 1; // the sign, and the last digit
        for (long rest = value / 10; rest != 0; rest /= 10) {
            n++;
        }
        return n;
    }
}
