package io.lytx.servlet.internal.profile;

import io.lytx.client.entity.Entity;
import io.lytx.client.entity.EntityStatus;
import io.lytx.client.entity.ProfileFields;
import io.lytx.client.internal.OwnedThreads;
import io.lytx.servlet.ProfileStatus;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The shared second level of the profile cache: profiles that one node fetched from Lytics, readable by
 * every node of the site through a JCache cache (Hazelcast, Infinispan, Redisson, ...), so that a visitor
 * costs one upstream lookup per TTL across the cluster rather than one per node.
 *
 * <p>What it holds: answered lookups only (a known profile for the profile TTL, a "new visitor" for the
 * negative TTL), each value carrying its own wall-clock expiry, so a node never serves an entry longer
 * than the node that fetched it would have. Failures are never shared. Keys are prefixed with the
 * settings' namespace (derived from the Lytics account), so sites sharing one cache stay apart.
 *
 * <p>Bounds: the provider's calls run on this object's two daemon threads, never on a request thread; a
 * read that takes longer than {@link SharedCacheSettings#readTimeout()} is given up (the lookup goes on to
 * Lytics); at most 256 reads and writes wait for those threads, more are dropped and counted, so a slow or
 * dead shared cache costs each page at most the read timeout and never piles up work. Errors are counted
 * and logged once per kind of failure. Thread-safe.
 */
public final class SharedProfileCache implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SharedProfileCache.class.getName());
    private static final Duration THREAD_END_WAIT = Duration.ofSeconds(2);

    private final SharedCacheSettings settings;
    private final JCacheStore store;
    private final OwnedThreads threads = new OwnedThreads("lytics-shared-cache-");
    private final ThreadPoolExecutor executor;
    private final Jsonb jsonb = JsonbBuilder.create();
    private final AtomicBoolean failureLogged = new AtomicBoolean();
    final LongAdder hits = new LongAdder();
    final LongAdder misses = new LongAdder();
    final LongAdder failures = new LongAdder();
    final LongAdder writes = new LongAdder();

    private SharedProfileCache(SharedCacheSettings settings, JCacheStore store) {
        this.settings = settings;
        this.store = store;
        this.executor = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(256), threads);
        this.executor.allowCoreThreadTimeOut(true);
    }

    /**
     * Opens the shared cache (blocks while the provider starts or joins its cluster).
     *
     * @param settings where the cache is
     * @param loader   the class loader the provider is looked up with (the web application's)
     * @param maxLife  the longest an entry may live (the profile TTL)
     * @throws RuntimeException (the provider's, such as {@code javax.cache.CacheException}) when the cache
     *                          cannot be opened; {@code NoClassDefFoundError} when the JCache API is missing
     */
    public static SharedProfileCache open(SharedCacheSettings settings, ClassLoader loader, Duration maxLife) {
        Objects.requireNonNull(settings, "settings");
        return new SharedProfileCache(settings, JCacheStore.open(settings, loader, maxLife));
    }

    /** The settings it was opened with. */
    public SharedCacheSettings settings() {
        return settings;
    }

    /**
     * Reads a profile another node (or this one) stored. Never fails; completes with null on a miss, an
     * expired or unreadable value, an error, or when the read waits in vain (the caller bounds the wait).
     *
     * @param key    whose profile
     * @param now    the cache ticker's reading now, for the returned entry's expiry
     * @param maxAge when not null, a value older than this counts as a miss (a background refresh wants
     *               fresher data than the entry it replaces)
     */
    CompletableFuture<CacheEntry<ProfileResult>> read(LookupKey key, long now, Duration maxAge) {
        CompletableFuture<CacheEntry<ProfileResult>> result = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    CacheEntry<ProfileResult> entry = decode(store.get(keyOf(key)), now, maxAge);
                    (entry == null ? misses : hits).increment();
                    result.complete(entry);
                } catch (RuntimeException | LinkageError e) {
                    failed("read", e);
                    result.complete(null);
                }
            });
        } catch (RejectedExecutionException busy) {
            failed("read", busy);
            result.complete(null);
        }
        return result;
    }

    /** Values this node has stored in the shared cache since it opened it. */
    public long writes() {
        return writes.sum();
    }

    /** The read timeout, for the caller's bound. */
    long readTimeoutNanos() {
        return settings.readTimeout().toNanos();
    }

    /**
     * Stores an answered lookup for the other nodes, in the background; failures are never stored.
     *
     * @param key        whose profile
     * @param entry      what this node caches
     * @param lifeNanos  how long the entry lives from now
     * @return {@code entry}, unchanged
     */
    CacheEntry<ProfileResult> offer(LookupKey key, CacheEntry<ProfileResult> entry, long lifeNanos) {
        if (!entry.answered() || lifeNanos <= 0) {
            return entry;
        }
        String text = encode(entry.value(), System.currentTimeMillis(), TimeUnit.NANOSECONDS.toMillis(lifeNanos));
        try {
            executor.execute(() -> {
                try {
                    store.put(keyOf(key), text);
                    writes.increment();
                } catch (RuntimeException | LinkageError e) {
                    failed("write", e);
                }
            });
        } catch (RejectedExecutionException busy) {
            failed("write", busy);
        }
        return entry;
    }

    private String keyOf(LookupKey key) {
        return settings.namespace() + '|' + key.field() + '|' + key.value();
    }

    private String encode(ProfileResult result, long nowMillis, long lifeMillis) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("status", result.status().name());
        value.put("written", nowMillis);
        value.put("expires", nowMillis + lifeMillis);
        if (result.status() == ProfileStatus.KNOWN) {
            value.put("message", result.entity().message());
            value.put("data", result.entity().fields().asMap());
        }
        return jsonb.toJson(value);
    }

    /** The entry a stored text stands for, or null when absent, expired, too old or not ours. */
    private CacheEntry<ProfileResult> decode(String text, long now, Duration maxAge) {
        if (text == null) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> value = jsonb.fromJson(text, Map.class);
        long nowMillis = System.currentTimeMillis();
        long left = millis(value.get("expires")) - nowMillis;
        if (left <= 0 || (maxAge != null && nowMillis - millis(value.get("written")) > maxAge.toMillis())) {
            return null;
        }
        long expiresAt = now + TimeUnit.MILLISECONDS.toNanos(left);
        Object status = value.get("status");
        if (ProfileStatus.NEW_VISITOR.name().equals(status)) {
            return new CacheEntry<>(ProfileResult.newVisitor(), expiresAt, true);
        }
        if (ProfileStatus.KNOWN.name().equals(status) && value.get("data") instanceof Map<?, ?> data) {
            @SuppressWarnings("unchecked")
            ProfileFields fields = ProfileFields.of((Map<String, ?>) data);
            Object message = value.get("message");
            Entity entity = new Entity(EntityStatus.FOUND, message instanceof String m ? m : "",
                    fields.strings("segments"), fields.strings("segments_all"), fields, null);
            return new CacheEntry<>(ProfileResult.known(entity), expiresAt, true);
        }
        return null;
    }

    private static long millis(Object number) {
        return number instanceof Number n ? n.longValue() : 0;
    }

    private void failed(String what, Throwable e) {
        failures.increment();
        if (failureLogged.compareAndSet(false, true)) {
            LOG.log(Level.WARNING, "Shared profile cache " + settings.cacheName() + ": a " + what + " failed ("
                    + e + "); lookups go on to this node's cache and Lytics. Further failures are only counted.");
        }
    }

    /**
     * Stops the threads (waiting at most about 2 s for a call under way) and closes this node's cache
     * manager; the shared cache and the other nodes are unaffected. Idempotent.
     */
    @Override
    public void close() {
        executor.shutdownNow();
        threads.join(THREAD_END_WAIT);
        try {
            store.close();
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "closing the shared cache manager failed", e);
        }
        try {
            jsonb.close();
        } catch (Exception ignored) {
            // nothing held
        }
    }
}
