package io.lytx.servlet.metrics;

/**
 * The plugin's metrics over JMX (platform MBean server, no extra dependency), registered as
 * {@code io.lytx:type=Lytics,context=<context path>}. Every getter is a cheap, non-blocking read of
 * counters; values are monotonic unless stated otherwise. Thread-safe.
 */
public interface LyticsMetricsMXBean {

    /** Whether the plugin is active (token present and enabled). */
    boolean isActive();

    /** Page requests handled. */
    long getPages();

    /** Page requests from bots. */
    long getBots();

    /** Page requests without consent. */
    long getNoConsent();

    /** Visitor ids minted. */
    long getCookiesMinted();

    /** Visitor ids replaced because the browser's identity changed (another user, or a logout). */
    long getVisitorIdsRotated();

    /** Profiles answered KNOWN (as seen by pages). */
    long getProfilesKnown();

    /** Profiles answered NEW_VISITOR. */
    long getProfilesNewVisitor();

    /** Profiles UNAVAILABLE (timeout, breaker, error). */
    long getProfilesUnavailable();

    /** Profile lookups that found their entry in the cache (an answer, or a load under way). */
    long getCacheHits();

    /** Profile lookups that found no entry in the cache. */
    long getCacheMisses();

    /** Profiles currently cached (a gauge). */
    long getCachedProfiles();

    /** Upstream profile loads. */
    long getUpstreamLoads();

    /** Upstream profile load failures. */
    long getUpstreamFailures();

    /** Lookups cut by the budget. */
    long getUpstreamTimeouts();

    /** Mean upstream load latency, ms. */
    double getUpstreamMeanLatencyMillis();

    /** Max upstream load latency, ms. */
    double getUpstreamMaxLatencyMillis();

    /** Circuit breaker state (CLOSED, OPEN, HALF_OPEN...). */
    String getBreakerState();

    /** Lookups refused by the open breaker. */
    long getBreakerRejected();

    /** Lookups refused because Lytics asked this node to wait (429) or the node's own ceiling was reached. */
    long getUpstreamLimited();

    /** Whether lookups are paused now because Lytics answered 429. */
    boolean isUpstreamPaused();

    /** Lookups that missed this node's cache and were answered by the shared cache (zero without one). */
    long getSharedCacheHits();

    /** Lookups that missed this node's cache and the shared one. */
    long getSharedCacheMisses();

    /** Shared-cache reads and writes that failed or were dropped (the shared cache was slow or down). */
    long getSharedCacheFailures();

    /** Events waiting in the queue (a gauge). */
    long getQueueDepth();

    /** Estimated bytes waiting in the queue (a gauge). */
    long getQueueBytes();

    /** Events accepted by Lytics. */
    long getEventsSent();

    /** Events dropped (full queue). */
    long getEventsDropped();

    /** Events rejected by Lytics (non-retryable 4xx). */
    long getEventsRejected();

    /** Events given up after retries. */
    long getEventsFailed();

    /** Upload retries. */
    long getEventsRetried();

    /** Events written to the spool at undeploy (unsent by the shutdown deadline). */
    long getEventsSpooled();

    /** Events read back from the spool at start and queued again. */
    long getEventsReplayed();

    /** Batches posted. */
    long getBatches();

    /** Events (page views and identifies) handed to the collector by the filter. */
    long getEventsOffered();

    /** Identify (stitch) events offered. */
    long getIdentifies();
}
