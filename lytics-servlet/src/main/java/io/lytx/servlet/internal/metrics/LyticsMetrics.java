package io.lytx.servlet.internal.metrics;

import io.lytx.servlet.internal.collect.CollectorMetrics;
import io.lytx.servlet.internal.collect.EventCollector;
import io.lytx.servlet.internal.profile.ProfileMetrics;
import io.lytx.servlet.internal.profile.ProfileService;
import io.lytx.servlet.metrics.LyticsMetricsMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * All metrics of one deployment: the filter's counters, the profile service's and the collector's.
 * Implements the JMX view and gives a flat name → value map for the JSON status endpoint.
 * Thread-safe; reads are snapshots of counters and never block the request path.
 */
public final class LyticsMetrics implements LyticsMetricsMXBean {

    private final boolean active;
    private final FilterCounters filter;
    private final ProfileService profiles;
    private final EventCollector collector;

    /**
     * @param active    whether the plugin is active
     * @param filter    the filter's counters, never null
     * @param profiles  the profile service, or null when inactive
     * @param collector the collector, or null when inactive or collection is off
     */
    public LyticsMetrics(boolean active, FilterCounters filter, ProfileService profiles, EventCollector collector) {
        this.active = active;
        this.filter = Objects.requireNonNull(filter, "filter");
        this.profiles = profiles;
        this.collector = collector;
    }

    private ProfileMetrics p() {
        return profiles == null ? null : profiles.metrics();
    }

    private CollectorMetrics c() {
        return collector == null ? null : collector.metrics();
    }

    @Override
    public boolean isActive() {
        return active;
    }

    @Override
    public long getPages() {
        return filter.pages();
    }

    @Override
    public long getBots() {
        return filter.bots();
    }

    @Override
    public long getNoConsent() {
        return filter.noConsentCount();
    }

    @Override
    public long getCookiesMinted() {
        return filter.cookiesMinted();
    }

    @Override
    public long getVisitorIdsRotated() {
        return filter.visitorIdsRotated();
    }

    @Override
    public long getProfilesKnown() {
        return filter.known();
    }

    @Override
    public long getProfilesNewVisitor() {
        return filter.newVisitors();
    }

    @Override
    public long getProfilesUnavailable() {
        return filter.unavailable();
    }

    @Override
    public long getCacheHits() {
        ProfileMetrics m = p();
        return m == null ? 0 : m.hits();
    }

    @Override
    public long getCacheMisses() {
        ProfileMetrics m = p();
        return m == null ? 0 : m.misses();
    }

    @Override
    public long getCachedProfiles() {
        ProfileMetrics m = p();
        return m == null ? 0 : m.cachedProfiles();
    }

    @Override
    public long getUpstreamLoads() {
        ProfileMetrics m = p();
        return m == null ? 0 : m.loads();
    }

    @Override
    public long getUpstreamFailures() {
        ProfileMetrics m = p();
        return m == null ? 0 : m.loadFailures();
    }

    @Override
    public long getUpstreamTimeouts() {
        ProfileMetrics m = p();
        return m == null ? 0 : m.timeouts();
    }

    @Override
    public double getUpstreamMeanLatencyMillis() {
        ProfileMetrics m = p();
        return m == null ? 0 : m.meanLoadLatency().toNanos() / 1e6;
    }

    @Override
    public double getUpstreamMaxLatencyMillis() {
        ProfileMetrics m = p();
        return m == null ? 0 : m.maxLoadLatency().toNanos() / 1e6;
    }

    @Override
    public String getBreakerState() {
        ProfileMetrics m = p();
        return m == null ? "NONE" : m.breakerState();
    }

    @Override
    public long getBreakerRejected() {
        ProfileMetrics m = p();
        return m == null ? 0 : m.rejected();
    }

    @Override
    public long getUpstreamLimited() {
        ProfileMetrics m = p();
        return m == null ? 0 : m.limited();
    }

    @Override
    public boolean isUpstreamPaused() {
        ProfileMetrics m = p();
        return m != null && m.paused();
    }

    @Override
    public long getSharedCacheHits() {
        ProfileMetrics m = p();
        return m == null ? 0 : m.sharedHits();
    }

    @Override
    public long getSharedCacheMisses() {
        ProfileMetrics m = p();
        return m == null ? 0 : m.sharedMisses();
    }

    @Override
    public long getSharedCacheFailures() {
        ProfileMetrics m = p();
        return m == null ? 0 : m.sharedFailures();
    }

    @Override
    public long getQueueDepth() {
        CollectorMetrics m = c();
        return m == null ? 0 : m.queueDepth();
    }

    @Override
    public long getQueueBytes() {
        CollectorMetrics m = c();
        return m == null ? 0 : m.queueBytes();
    }

    @Override
    public long getEventsSent() {
        CollectorMetrics m = c();
        return m == null ? 0 : m.sent();
    }

    @Override
    public long getEventsDropped() {
        CollectorMetrics m = c();
        return m == null ? 0 : m.dropped();
    }

    @Override
    public long getEventsRejected() {
        CollectorMetrics m = c();
        return m == null ? 0 : m.rejected();
    }

    @Override
    public long getEventsFailed() {
        CollectorMetrics m = c();
        return m == null ? 0 : m.failed();
    }

    @Override
    public long getEventsRetried() {
        CollectorMetrics m = c();
        return m == null ? 0 : m.retried();
    }

    @Override
    public long getEventsSpooled() {
        CollectorMetrics m = c();
        return m == null ? 0 : m.spooled();
    }

    @Override
    public long getEventsReplayed() {
        CollectorMetrics m = c();
        return m == null ? 0 : m.replayed();
    }

    @Override
    public long getBatches() {
        CollectorMetrics m = c();
        return m == null ? 0 : m.batches();
    }

    @Override
    public long getEventsOffered() {
        return filter.eventsOffered();
    }

    @Override
    public long getIdentifies() {
        return filter.identifies();
    }

    /**
     * Number of calls to {@code api} that ended with {@code outcome} (0 when the component that makes
     * them is not running).
     */
    public long upstreamCount(UpstreamCalls.Api api, UpstreamCalls.Outcome outcome) {
        UpstreamCalls calls = upstream(api);
        return calls == null ? 0 : calls.count(api, outcome);
    }

    /** Total duration in nanoseconds of the calls to {@code api} that ended with {@code outcome}. */
    public long upstreamTotalNanos(UpstreamCalls.Api api, UpstreamCalls.Outcome outcome) {
        UpstreamCalls calls = upstream(api);
        return calls == null ? 0 : calls.totalNanos(api, outcome);
    }

    /** The latest failed call to Lytics (profile, recommendations or collect), if any. */
    public Optional<UpstreamCalls.LastError> lastUpstreamError() {
        Optional<UpstreamCalls.LastError> p = profiles == null ? Optional.empty() : profiles.upstreamCalls().lastError();
        Optional<UpstreamCalls.LastError> c = collector == null ? Optional.empty()
                : collector.metrics().upstreamCalls().lastError();
        if (p.isEmpty()) {
            return c;
        }
        if (c.isEmpty()) {
            return p;
        }
        return p.get().at().isAfter(c.get().at()) ? p : c;
    }

    private UpstreamCalls upstream(UpstreamCalls.Api api) {
        if (api == UpstreamCalls.Api.COLLECT) {
            return collector == null ? null : collector.metrics().upstreamCalls();
        }
        return profiles == null ? null : profiles.upstreamCalls();
    }

    /** Every metric by name, in a stable order (numbers, booleans and the breaker state as text). */
    public Map<String, Object> snapshot() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("active", isActive());
        out.put("pages", getPages());
        out.put("bots", getBots());
        out.put("noConsent", getNoConsent());
        out.put("cookiesMinted", getCookiesMinted());
        out.put("visitorIdsRotated", getVisitorIdsRotated());
        out.put("profilesKnown", getProfilesKnown());
        out.put("profilesNewVisitor", getProfilesNewVisitor());
        out.put("profilesUnavailable", getProfilesUnavailable());
        out.put("cacheHits", getCacheHits());
        out.put("cacheMisses", getCacheMisses());
        out.put("cachedProfiles", getCachedProfiles());
        out.put("upstreamLoads", getUpstreamLoads());
        out.put("upstreamFailures", getUpstreamFailures());
        out.put("upstreamTimeouts", getUpstreamTimeouts());
        out.put("upstreamMeanLatencyMillis", getUpstreamMeanLatencyMillis());
        out.put("upstreamMaxLatencyMillis", getUpstreamMaxLatencyMillis());
        out.put("breakerState", getBreakerState());
        out.put("breakerRejected", getBreakerRejected());
        out.put("upstreamLimited", getUpstreamLimited());
        out.put("upstreamPaused", isUpstreamPaused());
        out.put("sharedCacheHits", getSharedCacheHits());
        out.put("sharedCacheMisses", getSharedCacheMisses());
        out.put("sharedCacheFailures", getSharedCacheFailures());
        out.put("queueDepth", getQueueDepth());
        out.put("queueBytes", getQueueBytes());
        out.put("eventsSent", getEventsSent());
        out.put("eventsDropped", getEventsDropped());
        out.put("eventsRejected", getEventsRejected());
        out.put("eventsFailed", getEventsFailed());
        out.put("eventsRetried", getEventsRetried());
        out.put("eventsSpooled", getEventsSpooled());
        out.put("eventsReplayed", getEventsReplayed());
        out.put("batches", getBatches());
        out.put("eventsOffered", getEventsOffered());
        out.put("identifies", getIdentifies());
        return out;
    }
}
