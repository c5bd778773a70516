package io.lytx.servlet.internal.runtime;

import io.lytx.client.LyticsClient;
import io.lytx.client.LyticsClientBuilder;
import io.lytx.servlet.config.ConfigKey;
import io.lytx.servlet.config.LyticsConfig;
import io.lytx.servlet.config.SharedCacheMode;
import io.lytx.servlet.internal.collect.CollectorSettings;
import io.lytx.servlet.internal.collect.EventCollector;
import io.lytx.servlet.internal.metrics.FilterCounters;
import io.lytx.servlet.internal.metrics.JmxRegistration;
import io.lytx.servlet.internal.metrics.LyticsMetrics;
import io.lytx.servlet.internal.profile.ProfileService;
import io.lytx.servlet.internal.profile.ProfileSettings;
import io.lytx.servlet.internal.profile.SharedCacheSettings;
import io.lytx.servlet.internal.profile.SharedProfileCache;
import java.util.Objects;

/**
 * Everything one deployment of the plugin owns: the config, the API client, the profile service,
 * the event collector and the metrics (with their MBean). Created at start-up, closed at undeploy by
 * whoever created it (the lifecycle listener, or the filter when registered alone).
 *
 * <p>Thread-safe. {@link #close()} flushes queued events within the configured deadline, then stops
 * every thread the runtime started; it is idempotent.
 */
public final class LyticsRuntime implements AutoCloseable {

    /** Servlet-context attribute under which the listener publishes the runtime. */
    public static final String CONTEXT_ATTRIBUTE = LyticsRuntime.class.getName();

    private static final System.Logger LOG = System.getLogger(LyticsRuntime.class.getName());

    private final LyticsConfig config;
    private final LyticsClient client;
    private final ProfileService profiles;
    private final SharedProfileCache sharedCache;
    private final EventCollector collector;
    private final FilterCounters counters = new FilterCounters();
    private final LyticsMetrics metrics;
    private final JmxRegistration jmx;
    private boolean closed;

    private LyticsRuntime(LyticsConfig config, String contextPath) {
        this.config = config;
        if (config.active()) {
            LyticsClient c = newClient(config);
            SharedProfileCache s = openSharedCache(config, contextPath);
            ProfileService p = null;
            EventCollector e = null;
            try {
                p = new ProfileService(c, ProfileSettings.from(config), config.upstreamMaxRps(), s);
                e = config.collectEnabled() ? new EventCollector(c, CollectorSettings.from(config)) : null;
            } catch (RuntimeException failure) {
                if (p != null) {
                    p.close();
                }
                if (s != null) {
                    s.close();
                }
                c.close();
                throw failure;
            }
            this.client = c;
            this.sharedCache = s;
            this.profiles = p;
            this.collector = e;
        } else {
            this.client = null;
            this.sharedCache = null;
            this.profiles = null;
            this.collector = null;
        }
        this.metrics = new LyticsMetrics(config.active(), counters, profiles, collector);
        this.jmx = config.jmxEnabled() ? JmxRegistration.register(contextPath, metrics) : null;
    }

    /**
     * Starts a runtime. When the config is not {@linkplain LyticsConfig#active() active}, no client or
     * thread is created and the filter passes requests through; one warning says why. When it is
     * active, blocks for at most {@link LyticsConfig#warmup()} (default 2 s) while one warm-up lookup
     * loads the HTTP and JSON machinery, so that the first pages get their profile within budget.
     *
     * @param config      the validated config, never null
     * @param contextPath the web app's context path (for the MBean name), never null
     * @throws NullPointerException if an argument is null
     */
    public static LyticsRuntime start(LyticsConfig config, String contextPath) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(contextPath, "contextPath");
        if (!config.active()) {
            LOG.log(System.Logger.Level.WARNING, "Lytics personalization is disabled for context '" + contextPath
                    + "': " + config.inactiveReason() + ". Pages are served without it.");
        }
        LyticsRuntime runtime = new LyticsRuntime(config, contextPath);
        if (runtime.client != null) {
            UpstreamWarmup.run(runtime.client, config.warmup());
        }
        return runtime;
    }

    /**
     * A new API client set up from {@code config} as the runtime's own: API URL, token, account id,
     * connect timeout and pool size. The caller owns it and must close it.
     *
     * @param config the config, never null
     * @throws java.util.NoSuchElementException if the config has no API token
     */
    public static LyticsClient newClient(LyticsConfig config) {
        LyticsClientBuilder builder = LyticsClient.builder()
                .baseUri(config.apiUrl())
                .token(config.apiToken().orElseThrow())
                .connectTimeout(config.connectTimeout())
                .maxConnections(config.maxConnections());
        config.accountId().ifPresent(builder::accountId);
        return builder.build();
    }

    /**
     * A runtime that does nothing (no client, no thread, no MBean) and logs nothing: used after a
     * start-up failure has already been reported.
     */
    public static LyticsRuntime disabled(String contextPath) {
        return new LyticsRuntime(LyticsConfig.builder().set(ConfigKey.ENABLED, "false")
                .set(ConfigKey.JMX_ENABLED, "false").build(), contextPath);
    }

    /**
     * The shared second-level cache when one is configured and can be opened; otherwise null, with one
     * warning: the node then works alone (its own cache and Lytics), as personalization is optional.
     */
    private static SharedProfileCache openSharedCache(LyticsConfig config, String contextPath) {
        if (config.sharedCache() != SharedCacheMode.JCACHE) {
            return null;
        }
        SharedCacheSettings settings = SharedCacheSettings.from(config);
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            return SharedProfileCache.open(settings, loader != null ? loader : LyticsRuntime.class.getClassLoader(),
                    config.profileTtl());
        } catch (RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.WARNING, "Lytics: the shared profile cache (" + ConfigKey.CACHE_SHARED.key()
                    + "=jcache, cache " + settings.cacheName() + ") could not be opened for context '" + contextPath
                    + "': " + e + ". This node uses its own cache only. (It needs the JCache API, javax.cache:cache-api, "
                    + "and a JCache provider such as Hazelcast on the class path.)");
            return null;
        }
    }

    /** The config. */
    public LyticsConfig config() {
        return config;
    }

    /** Whether the plugin is active. */
    public boolean active() {
        return config.active();
    }

    /** The profile service, null when inactive. */
    public ProfileService profiles() {
        return profiles;
    }

    /** The collector, null when inactive or collection is off. */
    public EventCollector collector() {
        return collector;
    }

    /** The API client, null when inactive (for first-party endpoints built on the runtime). */
    public LyticsClient client() {
        return client;
    }

    /** The filter's counters. */
    public FilterCounters counters() {
        return counters;
    }

    /** All metrics. */
    public LyticsMetrics metrics() {
        return metrics;
    }

    /**
     * Flushes queued events within {@link LyticsConfig#shutdownTimeout()}, reports what could not be
     * sent, stops the collector and profile threads, closes the client and unregisters the MBean.
     * Blocks at most about the shutdown timeout. Idempotent.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            if (collector != null) {
                // the collector reports unsent events itself (one log line); the client is closed next
                // anyway, so closing it early cuts an upload still in flight at the deadline
                collector.shutdown(config.shutdownTimeout(), client::close);
            }
        } finally {
            try {
                if (profiles != null) {
                    profiles.close();
                }
                if (sharedCache != null) {
                    sharedCache.close();
                }
            } finally {
                try {
                    if (client != null) {
                        client.close();
                    }
                } finally {
                    if (jmx != null) {
                        jmx.close();
                    }
                }
            }
        }
    }
}
