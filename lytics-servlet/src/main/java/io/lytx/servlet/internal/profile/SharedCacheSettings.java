package io.lytx.servlet.internal.profile;

import io.lytx.servlet.config.LyticsConfig;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
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

    /**
     * The shared cache of a config, which has already read and validated its {@code lytics.cache.shared.*}
     * values. The namespace is a digest of the API URL, account and token, so that two sites (two Lytics
     * accounts) sharing one cache never read each other's profiles; the token itself never leaves this node.
     *
     * @param config the plugin config, never null
     * @return the settings (whether the cache is used at all is {@link LyticsConfig#sharedCache()})
     */
    public static SharedCacheSettings from(LyticsConfig config) {
        return new SharedCacheSettings(config.sharedCacheProvider(), config.sharedCacheUri(),
                config.sharedCacheProperties(), config.sharedCacheName(), config.sharedCacheTimeout(), namespace(config));
    }

    private static String namespace(LyticsConfig config) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String id = config.apiUrl() + "\n" + config.accountId().orElse("") + "\n" + config.apiToken().orElse("");
            return HexFormat.of().formatHex(sha.digest(id.getBytes(StandardCharsets.UTF_8)), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
