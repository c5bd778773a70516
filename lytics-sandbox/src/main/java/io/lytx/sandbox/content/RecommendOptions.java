package io.lytx.sandbox.content;

import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.Predicate;

/**
 * Parameters of a recommendation request.
 *
 * <p>Immutable and thread-safe.
 *
 * @param limit   how many documents, 1..{@value #MAX_LIMIT}
 * @param filter  which documents may be recommended (content segment, topics); not null
 * @param visited null or true: visited documents are allowed after the unvisited ones; false:
 *                unvisited only
 * @param shuffle shuffle the best candidates
 * @param rank    {@code affinity} (default), {@code recent} or {@code popular}
 * @param random  the randomness used by {@code shuffle}; not null
 */
public record RecommendOptions(int limit, Predicate<Document> filter, Boolean visited, boolean shuffle, String rank,
                               Random random) {

    /** The largest {@code limit}. */
    public static final int MAX_LIMIT = 100;
    /** The {@code limit} when none is given. */
    public static final int DEFAULT_LIMIT = 10;
    /** The accepted ranks. */
    public static final List<String> RANKS = List.of("affinity", "recent", "popular");

    /**
     * Validates.
     *
     * @param limit how many documents, 1..{@value #MAX_LIMIT}
     * @param filter which documents may be recommended (content segment, topics); not null
     * @param visited null or true: visited documents are allowed after the unvisited ones; false:
     * @param shuffle shuffle the best candidates
     * @param rank {@code affinity} (default), {@code recent} or {@code popular}
     * @param random the randomness used by {@code shuffle}; not null
     * @throws IllegalArgumentException when {@code limit} is out of range or the rank unknown
     */
    public RecommendOptions {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", was " + limit);
        }
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(random, "random");
        rank = rank == null || rank.isBlank() ? "affinity" : rank;
        if (!RANKS.contains(rank)) {
            throw new IllegalArgumentException("rank must be one of " + RANKS + ", was '" + rank + "'");
        }
    }
}
