package io.lytx.servlet.internal.metrics;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of the filter's decisions. Thread-safe; every increment is a {@link LongAdder} add,
 * cheap under contention and never blocking.
 */
public final class FilterCounters {

    private final LongAdder pages = new LongAdder();
    private final LongAdder bots = new LongAdder();
    private final LongAdder noConsent = new LongAdder();
    private final LongAdder cookiesMinted = new LongAdder();
    private final LongAdder invalidCookies = new LongAdder();
    private final LongAdder visitorIdsRotated = new LongAdder();
    private final LongAdder identifies = new LongAdder();
    private final LongAdder eventsOffered = new LongAdder();
    private final LongAdder eventsNotQueued = new LongAdder();
    private final LongAdder known = new LongAdder();
    private final LongAdder newVisitors = new LongAdder();
    private final LongAdder unavailable = new LongAdder();

    /** A page request was handled. */
    public void page() {
        pages.increment();
    }

    /** A page request came from a bot (nothing fetched or collected). */
    public void bot() {
        bots.increment();
    }

    /** A page request had no consent (nothing identified, fetched or collected). */
    public void noConsent() {
        noConsent.increment();
    }

    /** A visitor id was minted. */
    public void cookieMinted() {
        cookiesMinted.increment();
    }

    /** A browser's visitor id was replaced because it belonged to another identity (login, logout, switch). */
    public void visitorIdRotated() {
        visitorIdsRotated.increment();
    }

    /** Visitor ids rotated so far. */
    public long visitorIdsRotated() {
        return visitorIdsRotated.sum();
    }

    /** A visitor-id cookie was present but not in an accepted format (it was replaced). */
    public void invalidCookie() {
        invalidCookies.increment();
    }

    /** An identify (stitch) event was offered. */
    public void identify() {
        identifies.increment();
    }

    /**
     * An event was offered to the collector.
     *
     * @param queued whether the collector accepted it
     */
    public void offered(boolean queued) {
        eventsOffered.increment();
        if (!queued) {
            eventsNotQueued.increment();
        }
    }

    /** A profile answer was observed, by status name ({@code KNOWN}, {@code NEW_VISITOR}, else unavailable). */
    public void outcome(String status) {
        if ("KNOWN".equals(status)) {
            known.increment();
        } else if ("NEW_VISITOR".equals(status)) {
            newVisitors.increment();
        } else {
            unavailable.increment();
        }
    }

    /** Page requests handled. */
    public long pages() {
        return pages.sum();
    }

    /** Bot requests. */
    public long bots() {
        return bots.sum();
    }

    /** Requests without consent. */
    public long noConsentCount() {
        return noConsent.sum();
    }

    /** Minted visitor ids. */
    public long cookiesMinted() {
        return cookiesMinted.sum();
    }

    /** Rejected cookie values. */
    public long invalidCookies() {
        return invalidCookies.sum();
    }

    /** Identify events offered. */
    public long identifies() {
        return identifies.sum();
    }

    /** Events offered. */
    public long eventsOffered() {
        return eventsOffered.sum();
    }

    /** Events the collector refused (full queue or closed). */
    public long eventsNotQueued() {
        return eventsNotQueued.sum();
    }

    /** Profiles known. */
    public long known() {
        return known.sum();
    }

    /** New visitors. */
    public long newVisitors() {
        return newVisitors.sum();
    }

    /** Unavailable profiles. */
    public long unavailable() {
        return unavailable.sum();
    }
}
