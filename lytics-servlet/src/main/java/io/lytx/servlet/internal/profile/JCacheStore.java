package io.lytx.servlet.internal.profile;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.spi.CachingProvider;

/**
 * The only class that touches the JCache API, so that the plugin loads without it when no shared cache
 * is configured. Its methods block for as long as the provider takes: callers run them off the request
 * thread. Thread-safe as JCache caches are.
 */
final class JCacheStore implements AutoCloseable {

    private final CacheManager manager;
    private final Cache<String, String> cache;

    private JCacheStore(CacheManager manager, Cache<String, String> cache) {
        this.manager = manager;
        this.cache = cache;
    }

    /**
     * Opens (or creates) the cache. Created caches keep an entry at most {@code maxLife}; the values
     * carry their own, shorter, expiry.
     *
     * @throws CacheException (or another runtime exception of the provider) when it cannot be reached
     */
    static JCacheStore open(SharedCacheSettings settings, ClassLoader loader, Duration maxLife) {
        CachingProvider provider = settings.provider() == null
                ? Caching.getCachingProvider(loader)
                : Caching.getCachingProvider(settings.provider(), loader);
        // The provider's own class loader rather than the application's: only JDK strings are stored, and
        // providers such as Hazelcast put a non-default loader (and a non-default URI) into the cache's
        // real name, which would keep the nodes of a site apart.
        ClassLoader scope = provider.getDefaultClassLoader();
        CacheManager manager = provider.getCacheManager(
                settings.configUri() == null ? provider.getDefaultURI() : settings.configUri(), scope,
                settings.properties());
        Cache<String, String> cache = existing(manager, settings.cacheName());
        if (cache == null) {
            MutableConfiguration<String, String> config = new MutableConfiguration<String, String>()
                    .setTypes(String.class, String.class)
                    .setStoreByValue(true)
                    .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(
                            new javax.cache.expiry.Duration(TimeUnit.MILLISECONDS, maxLife.toMillis())));
            try {
                cache = manager.createCache(settings.cacheName(), config);
            } catch (CacheException createdMeanwhile) {
                // another node created it between our look and our create
                cache = existing(manager, settings.cacheName());
                if (cache == null) {
                    throw createdMeanwhile;
                }
            }
        }
        return new JCacheStore(manager, cache);
    }

    /**
     * A cache the site or another node already made, whatever types it was declared with (JCache 1.1
     * allows the untyped look-up); this class only ever stores strings in it.
     */
    @SuppressWarnings("unchecked")
    private static Cache<String, String> existing(CacheManager manager, String name) {
        return (Cache<String, String>) (Cache<?, ?>) manager.getCache(name);
    }

    /** The stored text, or null. Blocks. */
    String get(String key) {
        return cache.get(key);
    }

    /** Stores a text. Blocks. */
    void put(String key, String value) {
        cache.put(key, value);
    }

    /**
     * Closes this node's cache manager; the cache and the other nodes live on. What the provider started
     * for the manager ends with it when the provider ties them (Hazelcast: a member started from
     * {@code hazelcast.config.location}; a member started from a config URI lives on with the JVM).
     */
    @Override
    public void close() {
        manager.close();
    }
}
