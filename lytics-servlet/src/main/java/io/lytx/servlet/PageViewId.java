package io.lytx.servlet;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A page-view id ({@code _pvid}): a random UUID version 4 kept as its two halves, so that a request
 * that never shows it costs no string. The page ({@link LyticsContext#getPageViewId()}) and the
 * page-view event (written by the collector's worker straight from the halves) share one instance
 * and therefore one id. Immutable apart from the cached text; thread-safe.
 */
final class PageViewId {

    final long msb;
    final long lsb;
    /** Made on first use; a benign race (every thread makes the same text, and a String is immutable). */
    private String text;

    private PageViewId(long msb, long lsb) {
        this.msb = msb;
        this.lsb = lsb;
    }

    /**
     * A new random id from the thread's own generator: unique enough for an analytics id (it is not a
     * secret), without the shared {@code SecureRandom} of {@link UUID#randomUUID()}.
     */
    static PageViewId random() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new PageViewId((random.nextLong() & ~0xF000L) | 0x4000L,
                (random.nextLong() & ~0xC000_0000_0000_0000L) | 0x8000_0000_0000_0000L);
    }

    /** The canonical UUID text (the same instance on every call from a thread that has seen it). */
    String text() {
        String t = text;
        if (t == null) {
            t = new UUID(msb, lsb).toString();
            text = t;
        }
        return t;
    }

    @Override
    public String toString() {
        return text();
    }
}
