package io.lytx.servlet.internal.preview;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.lytx.client.content.Recommendation;
import io.lytx.servlet.internal.bootstrap.SafeRecommendation;
import java.util.List;

/**
 * The safe forms ({@link SafeRecommendation#of(List)}) of the recommendation lists the profile
 * cache hands out, remembered per list instance: every page of a visitor gets the same cached
 * list, and checking its URLs (a URI parse per link and image) on every render cost more than the
 * rest of the tag. Keys are held weakly and compared by identity, so a list leaves with its cache
 * entry; at most 10,000 lists are remembered. The lists must not change after they are handed out
 * (the client's lists are unmodifiable). Thread-safe.
 */
final class SafeRecommendations {

    private static final Cache<List<Recommendation>, List<SafeRecommendation>> SAFE = Caffeine.newBuilder()
            .weakKeys().maximumSize(10_000).executor(Runnable::run).build(); // upkeep inline: no hand-off per page

    private SafeRecommendations() {
    }

    /** The safe forms of a cached list; the empty list gives an empty list without remembering it. */
    static List<SafeRecommendation> of(List<Recommendation> cached) {
        if (cached.isEmpty()) {
            return List.of();
        }
        return SAFE.get(cached, SafeRecommendation::of);
    }
}
