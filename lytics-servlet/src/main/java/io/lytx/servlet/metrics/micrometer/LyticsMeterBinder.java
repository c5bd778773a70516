package io.lytx.servlet.metrics.micrometer;

import io.lytx.servlet.LyticsLifecycleListener;
import io.lytx.servlet.internal.metrics.LyticsMetrics;
import io.lytx.servlet.internal.metrics.UpstreamCalls;
import io.lytx.servlet.internal.runtime.LyticsRuntime;
import io.lytx.servlet.internal.runtime.ServletAccess;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.servlet.ServletContext;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The plugin's metrics as Micrometer meters (names and tags are listed in the module's README):
 *
 * <ul>
 *   <li>{@code lytics.profile.cache.gets} {@code result=hit|miss}, {@code lytics.profile.cache.loads}
 *       {@code result=success|failure}, {@code lytics.profile.cache.size};</li>
 *   <li>{@code lytics.upstream.calls} (timer) {@code api=profile|recommendations|collect},
 *       {@code outcome=success|refused|timeout|error};</li>
 *   <li>{@code lytics.breaker.state} {@code state=closed|open|half_open} (1 for the current state, else 0),
 *       {@code lytics.breaker.rejected};</li>
 *   <li>{@code lytics.collector.queue.depth}, {@code lytics.collector.queue.bytes},
 *       {@code lytics.collector.events} {@code result=sent|dropped|rejected|failed},
 *       {@code lytics.collector.retries};</li>
 *   <li>{@code lytics.pages} (pages the filter handled).</li>
 * </ul>
 *
 * <p>Every meter reads the plugin's own counters when the registry asks (nothing is recorded twice, the
 * request path is unchanged) and reads 0 while the plugin is not running. The metrics are looked up
 * at each read, so a binder may be bound before the plugin starts.
 *
 * <p>Micrometer's function meters hold their object weakly: keep the binder referenced as long as the
 * registry (a Spring bean is; {@link #bindTo(ServletContext, MeterRegistry)} keeps it in the servlet
 * context). Thread-safe.
 */
public final class LyticsMeterBinder implements MeterBinder {

    /** Servlet-context attribute under which {@link #bindTo(ServletContext, MeterRegistry)} keeps the binder. */
    public static final String CONTEXT_ATTRIBUTE = LyticsMeterBinder.class.getName();

    private static final List<String> BREAKER_STATES = List.of("closed", "open", "half_open");

    private final Supplier<LyticsMetrics> metrics;
    private final Tags tags;

    /**
     * @param metrics gives the current metrics, or null while the plugin is not running; called at each read
     * @param tags    tags added to every meter (e.g. the application), never null
     */
    LyticsMeterBinder(Supplier<LyticsMetrics> metrics, Iterable<Tag> tags) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.tags = Tags.of(Objects.requireNonNull(tags, "tags"));
    }

    /**
     * A binder over the runtime that {@code listener} starts (looked up at each read; the meters read 0
     * before it starts and after it stops), for code that holds the listener, such as Spring Boot's starter.
     *
     * @param listener the plugin's listener, never null
     * @param tags     tags added to every meter (e.g. the application), never null
     * @return the binder, not yet bound
     */
    public static LyticsMeterBinder of(LyticsLifecycleListener listener, Iterable<Tag> tags) {
        Objects.requireNonNull(listener, "listener");
        return new LyticsMeterBinder(() -> {
            LyticsRuntime runtime = ServletAccess.runtime(listener);
            return runtime == null ? null : runtime.metrics();
        }, tags);
    }

    /** A binder over the runtime that a servlet context publishes (looked up at each read). */
    public static LyticsMeterBinder of(ServletContext context) {
        Objects.requireNonNull(context, "context");
        return new LyticsMeterBinder(() -> context.getAttribute(LyticsRuntime.CONTEXT_ATTRIBUTE) instanceof LyticsRuntime r
                ? r.metrics() : null, Tags.empty());
    }

    /**
     * The one call for a plain Jakarta site: binds the meters of the plugin running in {@code context} to
     * {@code registry}, and keeps the binder as context attribute {@link #CONTEXT_ATTRIBUTE}. May be called
     * before the plugin has started (for example from the site's own {@code ServletContextListener}).
     *
     * @return the binder
     */
    public static LyticsMeterBinder bindTo(ServletContext context, MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        LyticsMeterBinder binder = of(context);
        binder.bindTo(registry);
        context.setAttribute(CONTEXT_ATTRIBUTE, binder);
        return binder;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        counter(registry, "lytics.profile.cache.gets", "result", "hit", "profile lookups that found their entry in the cache",
                LyticsMetrics::getCacheHits);
        counter(registry, "lytics.profile.cache.gets", "result", "miss", "profile lookups that found no entry in the cache",
                LyticsMetrics::getCacheMisses);
        counter(registry, "lytics.profile.cache.loads", "result", "success", "profiles loaded from Lytics",
                m -> m.getUpstreamLoads() - m.getUpstreamFailures());
        counter(registry, "lytics.profile.cache.loads", "result", "failure", "profile loads that failed",
                LyticsMetrics::getUpstreamFailures);
        gauge(registry, "lytics.profile.cache.size", null, null, "profiles in the cache (approximate)", null,
                LyticsMetrics::getCachedProfiles);
        for (UpstreamCalls.Api api : UpstreamCalls.Api.values()) {
            for (UpstreamCalls.Outcome outcome : UpstreamCalls.Outcome.values()) {
                FunctionTimer.builder("lytics.upstream.calls", this,
                                b -> (long) b.read(m -> m.upstreamCount(api, outcome)),
                                b -> b.read(m -> m.upstreamTotalNanos(api, outcome)), TimeUnit.NANOSECONDS)
                        .description("calls to the Lytics API, by API and outcome")
                        .tags(tags).tag("api", api.tag()).tag("outcome", outcome.tag())
                        .register(registry);
            }
        }
        for (String state : BREAKER_STATES) {
            gauge(registry, "lytics.breaker.state", "state", state, "1 when the circuit breaker is in this state",
                    null, m -> state.equals(m.getBreakerState().toLowerCase(Locale.ROOT)) ? 1 : 0);
        }
        counter(registry, "lytics.breaker.rejected", null, null, "calls not made because the breaker was open",
                LyticsMetrics::getBreakerRejected);
        gauge(registry, "lytics.collector.queue.depth", null, null, "events waiting to be sent", "events",
                LyticsMetrics::getQueueDepth);
        gauge(registry, "lytics.collector.queue.bytes", null, null, "estimated size of the events waiting", "bytes",
                LyticsMetrics::getQueueBytes);
        counter(registry, "lytics.collector.events", "result", "sent", "events Lytics accepted",
                LyticsMetrics::getEventsSent);
        counter(registry, "lytics.collector.events", "result", "dropped", "events dropped (queue full or stopped)",
                LyticsMetrics::getEventsDropped);
        counter(registry, "lytics.collector.events", "result", "rejected", "events Lytics refused",
                LyticsMetrics::getEventsRejected);
        counter(registry, "lytics.collector.events", "result", "failed", "events given up after retries",
                LyticsMetrics::getEventsFailed);
        counter(registry, "lytics.collector.retries", null, null, "batch send attempts retried",
                LyticsMetrics::getEventsRetried);
        counter(registry, "lytics.pages", null, null, "page requests the filter handled", LyticsMetrics::getPages);
    }

    /** Applies {@code f} to the current metrics; 0 while the plugin is not running. */
    private double read(ToDoubleFunction<LyticsMetrics> f) {
        LyticsMetrics m = metrics.get();
        return m == null ? 0 : f.applyAsDouble(m);
    }

    private void counter(MeterRegistry registry, String name, String tag, String value, String description,
                         ToDoubleFunction<LyticsMetrics> f) {
        FunctionCounter.Builder<LyticsMeterBinder> b = FunctionCounter.builder(name, this, x -> x.read(f))
                .description(description).tags(tags);
        if (tag != null) {
            b.tag(tag, value);
        }
        b.register(registry);
    }

    private void gauge(MeterRegistry registry, String name, String tag, String value, String description,
                       String unit, ToDoubleFunction<LyticsMetrics> f) {
        Gauge.Builder<LyticsMeterBinder> b = Gauge.builder(name, this, x -> x.read(f))
                .description(description).tags(tags).baseUnit(unit).strongReference(true);
        if (tag != null) {
            b.tag(tag, value);
        }
        b.register(registry);
    }
}
