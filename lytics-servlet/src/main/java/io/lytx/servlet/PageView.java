package io.lytx.servlet;

import io.lytx.servlet.collect.EventFields;
import io.lytx.servlet.config.ClientIpMode;
import io.lytx.servlet.identity.Identity;
import java.util.Locale;

/**
 * The fields of one page-view event, kept as the raw request facts the filter read and worked out
 * only when the collector's worker writes the event ({@link EventFields}): the request thread pays
 * for one object, the worker derives {@code url}, {@code _ref}, {@code _ul}, {@code utm_*} and
 * {@code ip} and writes them straight into the batch, without intermediate strings in the usual
 * cases. Writes exactly the fields, in the same order, as {@link PageViewEvents#eagerPageView}
 * puts them (the tests compare the two on hostile input). Immutable and thread-safe.
 *
 * <p>Only used when the known user's identity field is none of the page-view field names (else a
 * later value would replace an earlier one, which only the builder models).
 */
final class PageView implements EventFields {

    /** JSON punctuation of one field (quotes, colon, comma), as {@code CollectEvent} counts it. */
    private static final int FIELD = 6;
    /** Length of a UUID's text. */
    private static final int UUID_LENGTH = 36;
    /** Longest IP text written ({@code normalize} refuses longer input); an anonymized IPv6 is at most 16. */
    private static final int MAX_IP = 45;

    private final PageRequest page;
    private final Identity identity;
    private final PageViewId pageViewId;
    private final String pageViewIdText;
    private final long nowMillis;
    private final boolean userAgent;
    private final ClientIpMode ipMode;
    private final int estimatedBytes;

    /**
     * @param page           request facts, not null
     * @param identity       the visitor, with a visitor id; its known field is not a page-view field name
     * @param pageViewId     the {@code _pvid} as halves, or null when {@code pageViewIdText} is given
     * @param pageViewIdText the {@code _pvid} as text, or null when {@code pageViewId} is given
     */
    PageView(PageRequest page, Identity identity, PageViewId pageViewId, String pageViewIdText, long nowMillis,
             boolean userAgent, ClientIpMode ipMode) {
        this.page = page;
        this.identity = identity;
        this.pageViewId = pageViewId;
        this.pageViewIdText = pageViewIdText;
        this.nowMillis = nowMillis;
        this.userAgent = userAgent;
        this.ipMode = ipMode;
        this.estimatedBytes = estimate();
    }

    @Override
    public int estimatedBytes() {
        return estimatedBytes;
    }

    /** An upper bound of the ASCII size of what {@link #writeTo} writes, from lengths only. */
    private int estimate() {
        long n = 2 + 2 + FIELD; // _e
        n += 3 + decimalLength(nowMillis) + FIELD;
        n += 4 + length(identity.visitorId()) + FIELD;
        n += 5 + (pageViewIdText != null ? pageViewIdText.length() : UUID_LENGTH) + FIELD; // an upper bound when absent
        long url = length(page.host()) + 1 + 11 + (page.requestUri() == null ? 1 : page.requestUri().length())
                + (page.query() == null ? 0 : 1 + page.query().length());
        n += 3 + Math.min(url, PageViewEvents.MAX_URL) + FIELD;
        if (page.referer() != null) {
            n += 4 + Math.min(page.referer().length(), PageViewEvents.MAX_URL) + FIELD;
        }
        if (page.acceptLanguage() != null) {
            n += 3 + Math.min(page.acceptLanguage().length(), 35) + FIELD;
        }
        if (identity.known()) {
            n += identity.knownField().length() + identity.knownValue().length() + FIELD;
        }
        String query = page.query();
        if (query != null && query.indexOf("utm_") >= 0) {
            // each utm field's name and value come from one pair of the query (decoding only shortens)
            n += Math.min(query.length(), 6L * (12 + PageViewEvents.MAX_UTM)) + 6 * FIELD;
        }
        if (userAgent && page.userAgent() != null) {
            n += 10 + Math.min(page.userAgent().length(), PageViewEvents.MAX_USER_AGENT) + FIELD;
        }
        if (ipMode != ClientIpMode.OFF && page.remoteAddr() != null) {
            n += 2 + Math.min(Math.max(page.remoteAddr().length(), 16), MAX_IP) + FIELD;
        }
        return (int) Math.min(n, Integer.MAX_VALUE);
    }

    @Override
    public void writeTo(Writer out) {
        out.field("_e", PageViewEvents.PAGE_VIEW_EVENT);
        out.field("_ts", nowMillis);
        out.field("_uid", identity.visitorId());
        if (pageViewId != null) {
            out.uuidField("_pvid", pageViewId.msb, pageViewId.lsb);
        } else {
            out.field("_pvid", pageViewIdText);
        }
        writeUrl(out);
        writeReferrer(out);
        writeLanguage(out);
        if (identity.known()) {
            out.field(identity.knownField(), identity.knownValue());
        }
        PageViewEvents.writeUtm(out, page.query());
        if (userAgent && page.userAgent() != null) {
            String ua = page.userAgent();
            out.begin("user_agent");
            out.append(ua, 0, Math.min(ua.length(), PageViewEvents.MAX_USER_AGENT));
            out.end();
        }
        if (ipMode == ClientIpMode.FULL) {
            out.field("ip", ClientIps.normalize(page.remoteAddr()));
        } else if (ipMode == ClientIpMode.ANONYMIZED) {
            String ip = page.remoteAddr();
            int prefix = ClientIps.anonymizedIpv4Prefix(ip);
            if (prefix > 0) {
                out.begin("ip");
                out.append(ip, 0, prefix);
                out.append(".0", 0, 2);
                out.end();
            } else {
                out.field("ip", ClientIps.anonymize(ip));
            }
        }
    }

    /** {@code host[:port]/path?query}, cut at {@link PageViewEvents#MAX_URL} characters. */
    private void writeUrl(Writer out) {
        out.begin("url");
        int left = PageViewEvents.MAX_URL;
        String host = page.host() == null ? "" : page.host().toLowerCase(Locale.ROOT);
        left = piece(out, host, left);
        if (!PageViewEvents.defaultPort(page) && left > 0) {
            out.append(':');
            left--;
            int port = page.port();
            int digits = decimalLength(port);
            if (digits <= left) {
                out.append(port);
                left -= digits;
            } else {
                left = piece(out, Integer.toString(port), left);
            }
        }
        left = piece(out, page.requestUri() == null ? "/" : page.requestUri(), left);
        String query = page.query();
        if (query != null && !query.isEmpty() && left > 0) {
            out.append('?');
            left--;
            piece(out, query, left);
        }
        out.end();
    }

    private static int piece(Writer out, String text, int left) {
        int n = Math.min(text.length(), left);
        out.append(text, 0, n);
        return left - n;
    }

    private void writeReferrer(Writer out) {
        String referer = page.referer();
        int start = PageViewEvents.referrerStart(referer, page.host());
        if (start >= 0) {
            out.begin("_ref");
            out.append(referer, start, Math.min(referer.length(), start + PageViewEvents.MAX_URL));
            out.end();
        }
    }

    private void writeLanguage(Writer out) {
        String header = page.acceptLanguage();
        long range = PageViewEvents.languageRange(header);
        if (range >= 0) {
            out.begin("_ul");
            out.append(header, (int) (range >>> 32), (int) range);
            out.end();
        }
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    private static int decimalLength(long value) {
        if (value == Long.MIN_VALUE) {
            return 20;
        }
        int digits = value < 0 ? 2 : 1;
        for (long v = Math.abs(value); v >= 10; v /= 10) {
            digits++;
        }
        return digits;
    }
}
