package io.lytx.servlet.internal.profile;

import com.github.benmanes.caffeine.cache.AsyncCacheLoader;
import com.github.benmanes.caffeine.cache.Ticker;
import io.lytx.client.LyticsClient;
import io.lytx.client.entity.Entity;
import io.lytx.client.entity.EntityQuery;
import io.lytx.client.entity.EntityStatus;
import io.lytx.servlet.ProfileStatus;
import io.lytx.servlet.internal.metrics.UpstreamCalls;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Loads one profile from Lytics for the cache: one upstream call per load, through the breaker,
 * with the budget as the call's own timeout (the client cuts the HTTP call when it passes).
 *
 * <p>A found profile becomes {@link ProfileStatus#KNOWN}, kept for the TTL; Lytics' 200 "Not Found"
 * placeholder becomes {@link ProfileStatus#NEW_VISITOR}, kept for the short negative TTL; anything
 * else (error, timeout, including Lytics' "Timed out" placeholder, unreadable answer, breaker open) becomes an
 * {@link ProfileStatus#UNAVAILABLE} entry that expires at once, so the callers sharing the load get
 * it and the next request asks again. A failed background refresh keeps the entry being refreshed,
 * unchanged, until its hard expiry. The returned futures never fail. Never blocks: the call runs on
 * the client's threads. Thread-safe.
 *
 * <p>With a {@link SharedProfileCache}, a load first reads the shared cache (for at most its read
 * timeout) and asks Lytics only when it has nothing; an answered upstream lookup is stored there for the
 * other nodes, with the same TTL. A background refresh takes a shared value only when it is younger than
 * the refresh age, that is fresher than the entry being refreshed.
 */
final class ProfileLoader implements AsyncCacheLoader<LookupKey, CacheEntry<ProfileResult>> {

    private final LyticsClient client;
    private final UpstreamCall upstream;
    private final SharedProfileCache shared;
    private final BudgetTimer timer;
    private final Duration refreshAfter;
    private final ProfileCounters counters;
    private final Ticker ticker;
    private final Duration callTimeout;
    private final long ttlNanos;
    private final long negativeTtlNanos;

    ProfileLoader(LyticsClient client, ProfileSettings settings, UpstreamCall upstream, SharedProfileCache shared,
                  BudgetTimer timer, ProfileCounters counters, Ticker ticker) {
        this.client = client;
        this.upstream = upstream;
        this.shared = shared;
        this.timer = timer;
        this.refreshAfter = settings.refreshAfter();
        this.counters = counters;
        this.ticker = ticker;
        this.callTimeout = settings.budget();
        this.ttlNanos = settings.ttl().toNanos();
        this.negativeTtlNanos = settings.negativeTtl().toNanos();
    }

    @Override
    public CompletableFuture<CacheEntry<ProfileResult>> asyncLoad(LookupKey key, Executor executor) {
        return load(key, null);
    }

    @Override
    public CompletableFuture<CacheEntry<ProfileResult>> asyncReload(LookupKey key, CacheEntry<ProfileResult> oldValue,
                                                                    Executor executor) {
        return load(key, refreshAfter).thenApply(fresh -> {
            if (fresh.answered()) {
                return fresh;
            }
            counters.refreshFailures.increment();
            return oldValue;
        });
    }

    /** From the shared cache when it has a value young enough, from Lytics otherwise (then shared). */
    private CompletableFuture<CacheEntry<ProfileResult>> load(LookupKey key, Duration maxAge) {
        if (shared == null) {
            return fetch(key);
        }
        CompletableFuture<CacheEntry<ProfileResult>> read = timer.within(shared.read(key, ticker.read(), maxAge),
                shared.readTimeoutNanos(), (entry, error) -> entry, null, shared.failures::increment);
        return read.thenCompose(hit -> hit != null ? CompletableFuture.completedFuture(hit)
                : fetch(key).thenApply(fresh -> shared.offer(key, fresh, fresh.expiresAt() - ticker.read())));
    }

    private CompletableFuture<CacheEntry<ProfileResult>> fetch(LookupKey key) {
        String refused = upstream.acquire();
        if (refused != null) {
            return CompletableFuture.completedFuture(CacheEntry.failed(
                    Outcomes.RATE_LIMITED.equals(refused) ? Outcomes.LIMITED : Outcomes.REJECTED, ticker.read()));
        }
        long start = System.nanoTime();
        CompletableFuture<Entity> call;
        try {
            call = client.entities().getAsync(EntityQuery.by(key.field(), key.value()).meta(false), callTimeout)
                    .toCompletableFuture();
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        return upstream.guard(call).handle((entity, error) -> {
            Throwable failure = error != null ? Outcomes.unwrap(error) : checkAnswer(entity);
            counters.loadNanosMax.accumulate(upstream.record(UpstreamCalls.Api.PROFILE, start, failure));
            return failure != null ? CacheEntry.failed(Outcomes.unavailable(failure), ticker.read()) : toEntry(entity);
        });
    }

    /** Null when the answer is usable; otherwise the failure it stands for. */
    private static Throwable checkAnswer(Entity entity) {
        if (entity == null || entity.status() == null) {
            return new UnavailableException(Outcomes.BAD_RESPONSE);
        }
        if (entity.status() == EntityStatus.NOT_FOUND) {
            return null; // Lytics' "Timed out" placeholder comes as a LyticsTimeoutException, not here
        }
        // A real profile always carries at least the "all" segment; an answer with neither
        // segments nor fields is a body that was not an entity at all (an array, nothing).
        if (entity.segments().isEmpty() && entity.fields().asMap().isEmpty()) {
            return new UnavailableException(Outcomes.BAD_RESPONSE);
        }
        return null;
    }

    private CacheEntry<ProfileResult> toEntry(Entity entity) {
        long now = ticker.read();
        if (entity.status() == EntityStatus.FOUND) {
            return new CacheEntry<>(ProfileResult.known(entity), now + ttlNanos, true);
        }
        return new CacheEntry<>(ProfileResult.newVisitor(), now + negativeTtlNanos, true);
    }
}
