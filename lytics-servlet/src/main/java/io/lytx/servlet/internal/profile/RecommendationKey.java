package io.lytx.servlet.internal.profile;

import io.lytx.client.content.RecommendationQuery;

/**
 * Cache key of a recommendation list: who it is for and what was asked. Equal when the identity and
 * the query's options are equal; the query is compared through its full textual form, since
 * {@link RecommendationQuery} defines no value equality of its own. Immutable.
 */
final class RecommendationKey {

    private final LookupKey key;
    private final RecommendationQuery query;
    private final String queryForm;

    /**
     * @param key       the visitor's identity
     * @param query     the query sent upstream
     * @param queryForm the query's options as text ({@code query.toString()}, precomputed for shared queries)
     */
    RecommendationKey(LookupKey key, RecommendationQuery query, String queryForm) {
        this.key = key;
        this.query = query;
        this.queryForm = queryForm;
    }

    LookupKey key() {
        return key;
    }

    RecommendationQuery query() {
        return query;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecommendationKey other && key.equals(other.key) && queryForm.equals(other.queryForm);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + queryForm.hashCode();
    }

    @Override
    public String toString() {
        return key + " " + queryForm;
    }
}
