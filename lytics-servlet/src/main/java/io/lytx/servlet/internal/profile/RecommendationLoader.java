package io.lytx.servlet.internal.profile;

import com.github.benmanes.caffeine.cache.AsyncCacheLoader;
import com.github.benmanes.caffeine.cache.Ticker;
import io.lytx.client.LyticsClient;
import io.lytx.client.content.Recommendation;
import io.lytx.servlet.internal.metrics.UpstreamCalls;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Loads the recommendations of one visitor for one query: one upstream call per load, through the
 * shared breaker, with the budget as the call's own timeout. A failure becomes an empty list that
 * expires at once (nothing is kept, the next request asks again). The returned futures never fail.
 * Never blocks. Thread-safe.
 */
final class RecommendationLoader implements AsyncCacheLoader<RecommendationKey, CacheEntry<List<Recommendation>>> {

    private final LyticsClient client;
    private final UpstreamCall upstream;
    private final Ticker ticker;
    private final Duration callTimeout;
    private final long ttlNanos;

    RecommendationLoader(LyticsClient client, ProfileSettings settings, UpstreamCall upstream, Ticker ticker) {
        this.client = client;
        this.upstream = upstream;
        this.ticker = ticker;
        this.callTimeout = settings.budget();
        this.ttlNanos = settings.recommendationTtl().toNanos();
    }

    @Override
    public CompletableFuture<CacheEntry<List<Recommendation>>> asyncLoad(RecommendationKey key, Executor executor) {
        if (upstream.acquire() != null) {
            return CompletableFuture.completedFuture(CacheEntry.failed(List.<Recommendation>of(), ticker.read()));
        }
        long start = System.nanoTime();
        CompletableFuture<List<Recommendation>> call;
        try {
            call = client.content().recommendForUserAsync(key.key().field(), key.key().value(), key.query(),
                    callTimeout).toCompletableFuture();
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        return upstream.guard(call).handle((list, error) -> {
            Throwable failure = error != null ? Outcomes.unwrap(error)
                    : list == null ? new UnavailableException(Outcomes.BAD_RESPONSE) : null;
            upstream.record(UpstreamCalls.Api.RECOMMENDATIONS, start, failure);
            return failure != null ? CacheEntry.failed(List.<Recommendation>of(), ticker.read())
                    : new CacheEntry<>(List.copyOf(list), ticker.read() + ttlNanos, true);
        });
    }
}
