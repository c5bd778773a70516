package io.lytx.servlet.internal.profile;

import io.lytx.client.content.Recommendation;
import io.lytx.servlet.LyticsContext;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Fetches recommendations for the visitor of one request (a seam between {@link LyticsContext} and
 * the profile service). Implementations never block and return a future that completes, never
 * exceptionally, with an empty list when recommendations are unavailable.
 */
@FunctionalInterface
public interface Recommender {

    /** A recommender that never has anything. */
    Recommender NONE = (limit, contentSegment, deadline) -> CompletableFuture.completedFuture(List.of());

    /**
     * Starts fetching up to {@code limit} recommendations within {@code deadline}.
     *
     * @param limit          1..100
     * @param contentSegment a content segment restricting the documents, or null for any document
     * @param deadline       the request's deadline (the same one for every lookup of a request), never null
     */
    CompletableFuture<List<Recommendation>> recommend(int limit, String contentSegment, Deadline deadline);
}
