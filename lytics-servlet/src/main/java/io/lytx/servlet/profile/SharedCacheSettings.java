package io.lytx.servlet.profile;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the shared second-level profile cache lives: a JCache (JSR-107) cache that every node of the
 * site reaches, such as a Hazelcast, Infinispan or Redisson cache.
 *
 * @param provider    class name of the JCache {@code CachingProvider}; null for the only one on the
 *                    class path (JCache's default)
 * @param configUri   the provider's configuration URI (for Hazelcast: a config file, or the name of a running
 *                    instance); null for the provider's default. Every node of a site must give the same
 *                    URI text: providers such as Hazelcast make it part of the cache's real name
 * @param properties  properties handed to the provider with the URI (for Hazelcast:
 *                    {@code hazelcast.config.location}, with which the member is the cache manager's own and
 *                    stops when this node closes the cache); never null, copied
 * @param cacheName   the cache's name; created with String keys and values when it does not exist
 * @param readTimeout how long a lookup that missed this node's cache waits for the shared cache before
 *                    asking Lytics (part of the page's budget)
 * @param namespace   prefixed to every key, so that sites (Lytics accounts) sharing one cache never read
 *                    each other's profiles; never blank
 */
public record SharedCacheSettings(String provider, URI configUri, java.util.Properties properties, String cacheName,
                                  Duration readTimeout, String namespace) {

    /**
     * @throws NullPointerException     if {@code cacheName}, {@code readTimeout} or {@code namespace} is null
     * @throws IllegalArgumentException if {@code cacheName} or {@code namespace} is blank, or the timeout not positive
     */
    public SharedCacheSettings {
        Objects.requireNonNull(properties, "properties");
        java.util.Properties copy = new java.util.Properties();
        copy.putAll(properties);
        properties = copy;
        Objects.requireNonNull(cacheName, "cacheName");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(namespace, "namespace");
        if (cacheName.isBlank() || namespace.isBlank()) {
            throw new IllegalArgumentException("cacheName and namespace must not be blank");
        }
        if (readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("readTimeout must be positive, was " + readTimeout);
        }
    }
}
