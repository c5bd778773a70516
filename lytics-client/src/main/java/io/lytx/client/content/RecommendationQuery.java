package io.lytx.client.content;

import io.lytx.client.internal.ApiRequest;
import io.lytx.client.internal.Args;
import java.util.List;
import java.util.Objects;

/**
 * Options of a recommendation call. Immutable and thread-safe; every setter returns a copy. Unset
 * options are not sent (Lytics' defaults apply). Two queries with the same options are
 * {@linkplain #equals equal}, so a query can key a cache.
 */
public final class RecommendationQuery {

    private static final RecommendationQuery DEFAULTS =
            new RecommendationQuery(null, null, null, null, null, List.of(), List.of(), null);

    private final Integer limit;
    private final String contentSegment;
    private final Boolean shuffle;
    private final Boolean visited;
    private final String rank;
    private final List<String> topics;
    private final List<String> rollups;
    private final String ql;

    private RecommendationQuery(Integer limit, String contentSegment, Boolean shuffle, Boolean visited, String rank,
                                List<String> topics, List<String> rollups, String ql) {
        this.limit = limit;
        this.contentSegment = contentSegment;
        this.shuffle = shuffle;
        this.visited = visited;
        this.rank = rank;
        this.topics = topics;
        this.rollups = rollups;
        this.ql = ql;
    }

    /** @return no options: Lytics' defaults */
    public static RecommendationQuery defaults() {
        return DEFAULTS;
    }

    /**
     * @param limit how many documents, 1 to 1000
     * @return a copy with {@code limit}
     */
    public RecommendationQuery limit(int limit) {
        return new RecommendationQuery(Args.inRange(limit, 1, 1000, "limit"), contentSegment, shuffle, visited,
                rank, topics, rollups, ql);
    }

    /**
     * @param contentSegment id or slug of a content collection; not blank
     * @return a copy with {@code contentsegment}
     */
    public RecommendationQuery contentSegment(String contentSegment) {
        return new RecommendationQuery(limit, Args.notBlank(contentSegment, "contentSegment"), shuffle, visited,
                rank, topics, rollups, ql);
    }

    /**
     * @param shuffle whether Lytics shuffles the result
     * @return a copy with {@code shuffle}
     */
    public RecommendationQuery shuffle(boolean shuffle) {
        return new RecommendationQuery(limit, contentSegment, shuffle, visited, rank, topics, rollups, ql);
    }

    /**
     * @param visited false for documents the user has not seen only
     * @return a copy with {@code visited}
     */
    public RecommendationQuery visited(boolean visited) {
        return new RecommendationQuery(limit, contentSegment, shuffle, visited, rank, topics, rollups, ql);
    }

    /**
     * @param rank {@code popular}, {@code recent} or {@code affinity}; not blank
     * @return a copy with {@code rank}
     */
    public RecommendationQuery rank(String rank) {
        return new RecommendationQuery(limit, contentSegment, shuffle, visited,
                Args.notBlank(rank, "rank"), topics, rollups, ql);
    }

    /**
     * @param topics topics to restrict to; sent in the canonical list form
     * @return a copy with {@code topics}
     */
    public RecommendationQuery topics(List<String> topics) {
        Args.notNull(topics, "topics");
        return new RecommendationQuery(limit, contentSegment, shuffle, visited, rank, List.copyOf(topics), rollups, ql);
    }

    /**
     * @param rollups topic rollups (Supertopics) to restrict to; sent in the canonical list form
     * @return a copy with {@code rollups}
     */
    public RecommendationQuery rollups(List<String> rollups) {
        Args.notNull(rollups, "rollups");
        return new RecommendationQuery(limit, contentSegment, shuffle, visited, rank, topics, List.copyOf(rollups), ql);
    }

    /**
     * @param filterQl raw FilterQL on the content table, e.g. {@code FILTER aspects INTERSECTS ("article")}; not blank
     * @return a copy with {@code ql}
     */
    public RecommendationQuery ql(String filterQl) {
        return new RecommendationQuery(limit, contentSegment, shuffle, visited, rank, topics, rollups,
                Args.notBlank(filterQl, "filterQl"));
    }

    /**
     * Adds the set options to a request (internal use).
     *
     * @param r the request
     * @return the request
     */
    ApiRequest applyTo(ApiRequest r) {
        return r.query("limit", limit).query("contentsegment", contentSegment).query("shuffle", shuffle)
                .query("visited", visited).query("rank", rank).queryList("topics", topics)
                .queryList("rollups", rollups).query("ql", ql);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecommendationQuery q
                && Objects.equals(limit, q.limit) && Objects.equals(contentSegment, q.contentSegment)
                && Objects.equals(shuffle, q.shuffle) && Objects.equals(visited, q.visited)
                && Objects.equals(rank, q.rank) && topics.equals(q.topics) && rollups.equals(q.rollups)
                && Objects.equals(ql, q.ql);
    }

    @Override
    public int hashCode() {
        return Objects.hash(limit, contentSegment, shuffle, visited, rank, topics, rollups, ql);
    }

    @Override
    public String toString() {
        return "RecommendationQuery[limit=" + limit + ", contentsegment=" + contentSegment + ", shuffle=" + shuffle
                + ", visited=" + visited + ", rank=" + rank + ", topics=" + topics + ", rollups=" + rollups + ", ql=" + ql + "]";
    }
}
