package io.lytx.bench.collect;

import io.lytx.servlet.collect.CollectEvent;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Page-view events shaped like the ones the filter sends (same field names and typical lengths),
 * for the forwarding benchmarks. Thread-safe (stateless).
 */
public final class PageViews {

    private PageViews() {
    }

    /**
     * A page-view event for visitor number {@code visitor} and page number {@code page}.
     *
     * @param visitor any number; picks the {@code _uid}
     * @param page    any number; picks the URL
     * @return a new event with a fresh random id
     */
    public static CollectEvent event(long visitor, long page) {
        return CollectEvent.builder()
                .put("_e", "pv")
                .put("_ts", Long.toString(System.currentTimeMillis()))
                .put("_uid", io.lytx.bench.support.Visitors.id(visitor))
                .put("_pvid", Long.toHexString(ThreadLocalRandom.current().nextLong()))
                .put("url", "www.example.org/articles/article-" + page + "?utm_source=newsletter")
                .put("_ref", "www.example.org/search?q=tea")
                .put("_ul", "en-US")
                .put("user_agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                        + "Chrome/131.0.0.0 Safari/537.36")
                .put("ip", "203.0.113.0")
                .build();
    }

}
