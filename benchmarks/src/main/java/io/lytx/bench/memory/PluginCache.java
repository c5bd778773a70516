package io.lytx.bench.memory;

import com.github.benmanes.caffeine.cache.Ticker;
import io.lytx.client.LyticsClient;
import io.lytx.servlet.config.ConfigKey;
import io.lytx.servlet.config.LyticsConfig;
import io.lytx.servlet.internal.profile.ProfileService;
import io.lytx.servlet.internal.profile.ProfileSettings;
import io.lytx.servlet.internal.profile.SharedProfileCache;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.time.Duration;

/**
 * The plugin's profile cache as its filter sets it up: a {@link LyticsConfig} with the given upstream
 * and token and every other setting at its default ({@link ConfigKey}), turned into the client and the
 * {@link ProfileSettings} the way the plugin's runtime does (budget, TTL, refresh age, negative TTL,
 * maximum entries, breaker, recommendation limit from the configuration), then a {@link ProfileService}
 * without a shared cache or a call ceiling. Stateless; thread-safe.
 */
public final class PluginCache {

    private PluginCache() {
    }

    /**
     * @param upstream the Lytics API base URI
     * @return the configuration with its defaults and a bench token
     */
    public static LyticsConfig config(URI upstream) {
        return LyticsConfig.builder().apiUrl(upstream).apiToken("bench").build();
    }

    /**
     * @param config the configuration
     * @return the client the plugin would build from it (base URI, token, connect timeout, pool size)
     */
    public static LyticsClient client(LyticsConfig config) {
        return LyticsClient.builder().baseUri(config.apiUrl()).token(config.apiToken().orElseThrow())
                .connectTimeout(config.connectTimeout()).maxConnections(config.maxConnections()).build();
    }

    /**
     * @param config the configuration
     * @return the profile settings the plugin's runtime derives from it
     */
    public static ProfileSettings settings(LyticsConfig config) {
        return ProfileSettings.defaults()
                .withBudget(config.budget())
                .withTtl(config.profileTtl())
                .withRefreshAfter(config.profileRefresh())
                .withNegativeTtl(config.profileNegativeTtl())
                .withMaxEntries(config.profileMaxEntries())
                .withOpenFor(config.breakerOpen())
                .withRecommendationLimit(config.recommendationLimit());
    }

    /** @return the default of {@code lytics.profile.max.entries}, as {@link ConfigKey} states it */
    public static long defaultMaxEntries() {
        return Long.parseLong(ConfigKey.PROFILE_MAX_ENTRIES.defaultValue().orElseThrow());
    }

    /**
     * A profile service whose cache reads time from {@code ticker} (expiry and refresh ages), through the
     * service's package-private constructor for tests, reached by reflection: the benchmark runs on the
     * class path, where that is allowed. Everything else is the service the filter uses.
     *
     * @param client   the client
     * @param settings the settings
     * @param ticker   the cache's clock
     * @return the service
     * @throws IllegalStateException if the constructor cannot be reached
     */
    public static ProfileService withTicker(LyticsClient client, ProfileSettings settings, Ticker ticker) {
        try {
            Constructor<ProfileService> constructor = ProfileService.class.getDeclaredConstructor(LyticsClient.class,
                    ProfileSettings.class, int.class, SharedProfileCache.class, Ticker.class);
            constructor.setAccessible(true);
            return constructor.newInstance(client, settings, 0, null, ticker);
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException("ProfileService(client, settings, int, shared, ticker) not reachable", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Warms the client and the lookup path up on a throwaway service (closed before returning): rounds of
     * 200 lookups of visitors no run uses (16 at a time) until a whole round answers KNOWN and at least
     * 2,000 lookups were made, at most 60 s. A cold JVM on a loaded machine otherwise times its first
     * lookups out and opens the breaker.
     *
     * @param client   the client the measured service will use
     * @param settings its settings
     * @return whether a whole round answered KNOWN
     */
    public static boolean warmUp(LyticsClient client, ProfileSettings settings) {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long next = 0;
        boolean allKnown = false;
        while (System.nanoTime() < until && !(allKnown && next >= 2_000)) {
            try (ProfileService service = new ProfileService(client, settings, 0, null)) {
                allKnown = true;
                for (int wave = 0; wave < 200 / 16; wave++) {
                    java.util.List<java.util.concurrent.CompletableFuture<io.lytx.servlet.internal.profile.ProfileResult>> answers =
                            new java.util.ArrayList<>();
                    for (int i = 0; i < 16; i++) {
                        answers.add(service.profile(new io.lytx.servlet.internal.profile.LookupKey("_uid",
                                VisitorIds.of(Long.MAX_VALUE - next++)),
                                io.lytx.servlet.internal.profile.Deadline.after(Duration.ofSeconds(2))));
                    }
                    for (var answer : answers) {
                        allKnown &= answer.join().status() == io.lytx.servlet.ProfileStatus.KNOWN;
                    }
                }
            }
        }
        return allKnown;
    }

    /**
     * @param settings settings
     * @return the same settings with a budget of 2 s (a loaded benchmark machine must not turn lookups
     *         into timeouts, which the cache does not keep)
     */
    public static ProfileSettings withLongBudget(ProfileSettings settings) {
        return settings.withBudget(Duration.ofSeconds(2));
    }
}
