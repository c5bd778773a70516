package io.lytx.bench.collect;

import io.lytx.bench.support.Visitors;
import io.lytx.servlet.Identity;
import io.lytx.servlet.config.ClientIpMode;
import io.lytx.servlet.internal.collect.CollectEvent;
import io.lytx.servlet.internal.page.PageRequest;
import io.lytx.servlet.internal.page.PageViewEvents;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Page-view events for the forwarding and enqueue benchmarks, of a returning anonymous Chrome
 * visitor reading an article that a newsletter linked to, from a search page of another site.
 * Thread-safe (stateless).
 *
 * <p>{@link #pageView} is built the way the filter builds each page's event (its public entry
 * point {@link PageViewEvents#pageView(PageRequest, Identity, String, long)} with the filter's
 * default settings: User-Agent on, IP anonymized); it is the only place that knows how, so that a
 * change of that API changes this class alone. {@link #event} puts the same fields one by one in a
 * {@link CollectEvent#builder()}.
 */
public final class PageViews {

    /** The filter's defaults: {@code lytics.collect.user.agent=true}, {@code lytics.collect.ip=anonymized}. */
    private static final PageViewEvents FILTER_EVENTS = new PageViewEvents(true, ClientIpMode.ANONYMIZED);
    private static final String USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/131.0.0.0 Safari/537.36";

    private PageViews() {
    }

    /**
     * The request facts the filter copies out of a page request ({@link PageRequest#from}).
     *
     * @param page any number; picks the URL
     * @return the request of {@code /articles/article-<page>?utm_source=newsletter} on www.example.org
     */
    public static PageRequest request(long page) {
        return new PageRequest("https", "www.example.org", 443, "/articles/article-" + page, "utm_source=newsletter",
                "https://search.example.net/search?q=tea", "en-US,en;q=0.9", USER_AGENT, "203.0.113.7");
    }

    /**
     * The identity the filter resolves for a returning anonymous visitor.
     *
     * @param visitor any number; picks the visitor id
     * @return the visitor's identity
     */
    public static Identity visitor(long visitor) {
        return new Identity(Visitors.id(visitor), false, null, null);
    }

    /**
     * The page-view event the filter queues for a page, built as the filter builds it, now.
     *
     * @param identity   the visitor
     * @param page       the page's request facts
     * @param pageViewId the page view's id
     * @return a new event with a fresh random event id
     */
    public static CollectEvent pageView(Identity identity, PageRequest page, String pageViewId) {
        return FILTER_EVENTS.pageView(page, identity, pageViewId, System.currentTimeMillis());
    }

    /**
     * The page-view event the filter queues for a page, built as the filter builds it.
     *
     * @param visitor any number; picks the visitor id
     * @param page    the page's request facts
     * @return a new event with a fresh random id and page-view id
     */
    public static CollectEvent pageView(long visitor, PageRequest page) {
        return pageView(visitor(visitor), page, Long.toHexString(ThreadLocalRandom.current().nextLong()));
    }

    /**
     * {@link #pageView(long, PageRequest)} of {@link #request(long) request(page)}.
     *
     * @param visitor any number; picks the visitor id
     * @param page    any number; picks the URL
     * @return a new event with a fresh random id and page-view id
     */
    public static CollectEvent pageView(long visitor, long page) {
        return pageView(visitor, request(page));
    }

    /**
     * A page-view event with the same fields, put one by one into a builder.
     *
     * @param visitor any number; picks the {@code _uid}
     * @param page    any number; picks the URL
     * @return a new event with a fresh random id
     */
    public static CollectEvent event(long visitor, long page) {
        return CollectEvent.builder()
                .put("_e", "pv")
                .put("_ts", Long.toString(System.currentTimeMillis()))
                .put("_uid", Visitors.id(visitor))
                .put("_pvid", Long.toHexString(ThreadLocalRandom.current().nextLong()))
                .put("url", "www.example.org/articles/article-" + page + "?utm_source=newsletter")
                .put("_ref", "search.example.net/search?q=tea")
                .put("_ul", "en-US")
                .put("utm_source", "newsletter")
                .put("user_agent", USER_AGENT)
                .put("ip", "203.0.113.0")
                .build();
    }
}
