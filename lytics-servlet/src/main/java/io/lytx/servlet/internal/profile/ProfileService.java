package io.lytx.servlet.internal.profile;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.lytx.client.LyticsClient;
import io.lytx.client.content.Recommendation;
import io.lytx.client.content.RecommendationQuery;
import io.lytx.servlet.ProfileStatus;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Profiles and recommendations of visitors, from a cache when possible, from Lytics otherwise,
 * always within the caller's budget.
 *
 * <ul>
 *   <li><b>Cache.</b> A bounded Caffeine async cache keyed by {@link LookupKey}. A known profile lives
 *       {@link ProfileSettings#ttl()} (hard expiry); a read after {@link ProfileSettings#refreshAfter()}
 *       serves the cached profile and refreshes it in the background; a failed refresh keeps the
 *       cached profile until its hard expiry. A "not found" answer (a new visitor) is cached for
 *       {@link ProfileSettings#negativeTtl()}. Failures are never cached.</li>
 *   <li><b>Single flight.</b> Concurrent misses for one key share one upstream call.</li>
 *   <li><b>Budget.</b> Each upstream call carries the budget as its own timeout, which cuts the HTTP
 *       call. Each caller waits only for what is left of its own {@link Deadline}, on a future of its
 *       own: a caller giving up never cancels the shared call that others may still be waiting for.</li>
 *   <li><b>Breaker.</b> A circuit breaker tuned to the budget: once open, lookups that miss the cache
 *       are answered {@link ProfileStatus#UNAVAILABLE} at once, without an upstream call, until a
 *       probe succeeds.</li>
 *   <li><b>Lytics' limits.</b> After a 429 from Lytics, lookups that miss the cache are answered
 *       unavailable at once until the time its {@code Retry-After} names (5 s when it names none); an
 *       optional ceiling caps upstream calls per second ({@link UpstreamLimits}).</li>
 *   <li><b>Shared second level.</b> Optionally, a {@link SharedProfileCache} (JCache) between this
 *       node's cache and Lytics, so that the nodes of a site share their lookups.</li>
 * </ul>
 *
 * <p>{@link #profile} and {@link #recommendations} never block and return at once; a caller wanting
 * both starts both, then waits, so the added latency is the slower of the two, not their sum. On a
 * cache hit, a lookup costs two hash lookups (one that records no statistics, then the cache's own
 * {@code get}, which counts the hit) and one completed future.
 *
 * <p>Thread-safe; one instance per application. Owns one timer thread, stopped by {@link #close()}.
 * Does not own the client: closing the service leaves the client open.
 */
public final class ProfileService implements AutoCloseable {

    private static final Runnable NOTHING = () -> { };

    private final ProfileSettings settings;
    private final ProfileCounters counters = new ProfileCounters();
    private final UpstreamBreaker breaker;
    private final UpstreamLimits limits;
    private final SharedProfileCache shared;
    private final BudgetTimer timer;
    private final AsyncLoadingCache<LookupKey, CacheEntry<ProfileResult>> profiles;
    private final AsyncLoadingCache<RecommendationKey, CacheEntry<List<Recommendation>>> recommendations;
    private final RecommendationQuery defaultQuery;
    private final String defaultQueryForm;
    private volatile boolean closed;

    /**
     * Creates the service with Lytics' limits and an optional shared second-level cache; makes no
     * upstream call and starts no thread until the first lookup.
     *
     * @param client       the Lytics client, shared and owned by the caller; not null
     * @param settings     the tuning; not null
     * @param maxCallsPerSecond the most upstream calls per second of this node; 0 for no ceiling
     * @param shared       the shared cache, owned by the caller (not closed here); null for none
     * @throws NullPointerException if {@code client} or {@code settings} is null
     */
    public ProfileService(LyticsClient client, ProfileSettings settings, int maxCallsPerSecond,
                          SharedProfileCache shared) {
        this(client, settings, maxCallsPerSecond, shared, Ticker.systemTicker());
    }

    /** As {@link #ProfileService(LyticsClient, ProfileSettings, int, SharedProfileCache)}, with the cache's clock chosen (tests). */
    ProfileService(LyticsClient client, ProfileSettings settings, int maxCallsPerSecond, SharedProfileCache shared,
                   Ticker ticker) {
        Objects.requireNonNull(client, "client");
        this.settings = Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(ticker, "ticker");
        this.breaker = new UpstreamBreaker(settings);
        this.limits = new UpstreamLimits(maxCallsPerSecond);
        this.shared = shared;
        this.timer = new BudgetTimer();
        UpstreamCall upstream = new UpstreamCall(breaker, limits, timer, counters, settings.budget());
        this.profiles = Caffeine.newBuilder()
                .maximumSize(settings.maxEntries())
                .expireAfter(new EntryExpiry<LookupKey, ProfileResult>())
                .refreshAfterWrite(settings.refreshAfter())
                .executor(Runnable::run)
                .ticker(ticker)
                .recordStats()
                .buildAsync(new ProfileLoader(client, settings, upstream, shared, timer, counters, ticker));
        this.recommendations = Caffeine.newBuilder()
                .maximumSize(settings.maxEntries())
                .expireAfter(new EntryExpiry<RecommendationKey, List<Recommendation>>())
                .executor(Runnable::run)
                .ticker(ticker)
                .recordStats()
                .buildAsync(new RecommendationLoader(client, settings, upstream, ticker));
        this.defaultQuery = RecommendationQuery.defaults().limit(settings.recommendationLimit());
        this.defaultQueryForm = defaultQuery.toString();
    }

    /**
     * Looks a visitor's profile up. Returns at once; the future completes by the deadline at the
     * latest (a little after it under heavy load), and never exceptionally: a timeout, an open
     * breaker, an upstream error or an unreadable answer all give {@link ProfileStatus#UNAVAILABLE}
     * with a reason. On a cache hit the future is already complete.
     *
     * @param key      whose profile; not null
     * @param deadline when the caller stops waiting; not null. An expired deadline still starts
     *                 (or joins) the upstream call, so that the next request finds the profile cached.
     * @throws NullPointerException if an argument is null
     */
    public CompletableFuture<ProfileResult> profile(LookupKey key, Deadline deadline) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(deadline, "deadline");
        if (closed) {
            return CompletableFuture.completedFuture(Outcomes.SERVICE_CLOSED);
        }
        CompletableFuture<CacheEntry<ProfileResult>> shared;
        try {
            ProfileResult refusal = profiles.synchronous().policy().getIfPresentQuietly(key) != null ? null : refusal();
            if (refusal == null) {
                shared = profiles.get(key);
            } else {
                // no upstream call now: answer from the cache if the entry came meanwhile, else at once, without
                // creating a cache entry that would only expire at once (under an outage every new visitor would
                // churn the cache)
                shared = profiles.getIfPresent(key);
                if (shared == null) {
                    (refusal == Outcomes.REJECTED ? counters.rejected : counters.limited).increment();
                    return CompletableFuture.completedFuture(refusal);
                }
            }
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(Outcomes.unavailable(e));
        }
        if (shared.isDone()) {
            ProfileResult ready = ready(shared, Outcomes.CANCELLED).value();
            countTimeout(ready);
            return CompletableFuture.completedFuture(ready);
        }
        long nanos = deadline.remainingNanos();
        if (nanos == 0) {
            counters.timeouts.increment();
            return CompletableFuture.completedFuture(Outcomes.TIMED_OUT);
        }
        CompletableFuture<ProfileResult> answer = timer.within(shared, nanos, ProfileService::toResult,
                Outcomes.TIMED_OUT, NOTHING);
        answer.thenAccept(this::countTimeout);
        return answer;
    }

    /**
     * Why a lookup that finds nothing in the cache may not call Lytics now: {@link Outcomes#REJECTED}
     * while the breaker is open, {@link Outcomes#LIMITED} while Lytics asked us to wait; null when it may.
     */
    private ProfileResult refusal() {
        if (breaker.refusesNow()) {
            return Outcomes.REJECTED;
        }
        return limits.paused() ? Outcomes.LIMITED : null;
    }

    /** Counts a lookup answered "timeout", whether its own budget ran out or the upstream call was cut. */
    private void countTimeout(ProfileResult result) {
        if (result == Outcomes.TIMED_OUT) {
            counters.timeouts.increment();
        }
    }

    /**
     * Looks up content recommendations for a visitor. Returns at once; the future completes by the
     * deadline at the latest, never exceptionally, with an empty list when Lytics is unavailable,
     * slow, the breaker is open or the answer is unusable. Cached for
     * {@link ProfileSettings#recommendationTtl()} per key and query; concurrent misses share one call.
     *
     * @param key      for whom; not null
     * @param query    what to ask; null means the defaults with {@link ProfileSettings#recommendationLimit()}
     * @param deadline when the caller stops waiting; not null
     * @return an unmodifiable list, possibly empty
     * @throws NullPointerException if {@code key} or {@code deadline} is null
     */
    public CompletableFuture<List<Recommendation>> recommendations(LookupKey key, RecommendationQuery query,
                                                                   Deadline deadline) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(deadline, "deadline");
        if (closed) {
            return CompletableFuture.completedFuture(List.of());
        }
        CompletableFuture<CacheEntry<List<Recommendation>>> shared;
        try {
            // pages mostly ask for the default list: equal to the default query, it reuses its text form
            shared = recommendations.get(query == null || query == defaultQuery || query.equals(defaultQuery)
                    ? new RecommendationKey(key, defaultQuery, defaultQueryForm)
                    : new RecommendationKey(key, query, query.toString()));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(List.of());
        }
        if (shared.isDone()) {
            return CompletableFuture.completedFuture(ready(shared, List.of()).value());
        }
        long nanos = deadline.remainingNanos();
        if (nanos == 0) {
            counters.timeouts.increment();
            return CompletableFuture.completedFuture(List.of());
        }
        return timer.within(shared, nanos, (entry, error) -> error == null ? entry.value() : List.<Recommendation>of(),
                List.of(), counters.timeouts::increment);
    }

    /** How the upstream calls (profile and recommendations) ended, live. */
    public io.lytx.servlet.internal.metrics.UpstreamCalls upstreamCalls() {
        return counters.upstream;
    }

    /** A snapshot of the counters and the breaker's state. Cheap; never blocks lookups. */
    public ProfileMetrics metrics() {
        return counters.snapshot(profiles.synchronous().stats(), recommendations.synchronous().stats(),
                breaker.state(), breaker.transitions(), profiles.synchronous().estimatedSize(), limits.paused(), shared);
    }

    /** The settings this service runs with. */
    public ProfileSettings settings() {
        return settings;
    }

    /**
     * Stops the service: later lookups answer {@link ProfileStatus#UNAVAILABLE} (and empty lists) at
     * once, the caches are emptied, and the timer thread stops after answering the callers still
     * waiting (blocks at most about twice the budget). Idempotent. Does not close the client.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        profiles.synchronous().invalidateAll();
        recommendations.synchronous().invalidateAll();
        timer.close(UpstreamCall.guardNanos(settings.budget()));
    }

    /** The entry of a completed load; loads never fail, but a cancelled or broken future gives {@code fallback}. */
    private static <V> CacheEntry<V> ready(CompletableFuture<CacheEntry<V>> done, V fallback) {
        try {
            return done.join();
        } catch (CompletionException | CancellationException e) {
            return CacheEntry.failed(fallback, 0);
        }
    }

    private static ProfileResult toResult(CacheEntry<ProfileResult> entry, Throwable error) {
        return error == null ? entry.value() : Outcomes.unavailable(error);
    }
}
