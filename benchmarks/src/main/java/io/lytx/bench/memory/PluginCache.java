package io.lytx.bench.memory;

import com.github.benmanes.caffeine.cache.Ticker;
import io.lytx.client.LyticsClient;
import io.lytx.servlet.config.ConfigKey;
import io.lytx.servlet.config.LyticsConfig;
import io.lytx.servlet.profile.ProfileService;
import io.lytx.servlet.profile.ProfileSettings;
import io.lytx.servlet.profile.SharedProfileCache;
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
     * @param settings settings
     * @return the same settings with a budget of 2 s (a loaded benchmark machine must not turn lookups
     *         into timeouts, which the cache does not keep)
     */
    public static ProfileSettings withLongBudget(ProfileSettings settings) {
        return settings.withBudget(Duration.ofSeconds(2));
    }
}
