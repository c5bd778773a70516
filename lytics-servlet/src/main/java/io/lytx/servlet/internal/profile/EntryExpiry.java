package io.lytx.servlet.internal.profile;

import com.github.benmanes.caffeine.cache.Expiry;

/**
 * Expires each entry at the absolute time it carries ({@link CacheEntry#expiresAt()}): the full TTL
 * after a known profile was fetched, the short negative TTL after a "not found", at once after a
 * failure. Reads never extend an entry.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class EntryExpiry<K, V> implements Expiry<K, CacheEntry<V>> {

    @Override
    public long expireAfterCreate(K key, CacheEntry<V> entry, long currentTime) {
        return Math.max(0, entry.expiresAt() - currentTime);
    }

    @Override
    public long expireAfterUpdate(K key, CacheEntry<V> entry, long currentTime, long currentDuration) {
        return Math.max(0, entry.expiresAt() - currentTime);
    }

    @Override
    public long expireAfterRead(K key, CacheEntry<V> entry, long currentTime, long currentDuration) {
        return currentDuration;
    }
}
