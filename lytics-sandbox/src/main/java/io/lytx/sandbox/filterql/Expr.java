package io.lytx.sandbox.filterql;

import java.util.Map;
import java.util.Set;

/**
 * A parsed FilterQL phrase: an immutable tree that tests profiles.
 *
 * <p>Trees come only from {@link FilterQl#parse(String)}; they are immutable, compare by value
 * ({@code equals}/{@code hashCode} over the whole tree) and are safe to evaluate from many threads
 * at once. Their nesting depth is bounded by {@link FilterQl#MAX_NESTING_DEPTH}, so no method here
 * can overflow the stack.
 */
public sealed interface Expr permits AndExpr, OrExpr, NotExpr, MatchAllExpr, CompareExpr, ExistsExpr,
        InExpr, IntersectsExpr, ContainsExpr, LikeExpr, BetweenExpr, IncludeExpr, ValuePhrase {

    /**
     * Whether {@code profile} matches this phrase: {@link #truth} is {@link Truth#TRUE}.
     *
     * @param profile the flat profile map (values String, Number, Boolean, Instant, List, Map), not null
     * @param ctx     the evaluation context (clock, segment membership), not null
     * @return true when the profile matches
     * @throws NullPointerException naming a null argument
     */
    default boolean test(Map<String, Object> profile, EvalContext ctx) {
        return truth(profile, ctx) == Truth.TRUE;
    }

    /**
     * The truth of this phrase for {@code profile}, with qlbridge's rules for missing fields (see
     * the package documentation). Never throws for odd data.
     *
     * @param profile the flat profile map, not null
     * @param ctx     the evaluation context, not null
     * @return the truth, never null
     * @throws NullPointerException naming a null argument
     */
    Truth truth(Map<String, Object> profile, EvalContext ctx);

    /**
     * The canonical FilterQL text of this phrase (no {@code FILTER} keyword), on one line.
     * {@code FilterQl.parse(e.toQl()).filter().equals(e)} always holds.
     *
     * @return the text, never null
     */
    String toQl();

    /**
     * The slugs named by {@code INCLUDE} anywhere in this tree, in order of first appearance.
     *
     * @return an unmodifiable set, never null, empty when there is no {@code INCLUDE}
     */
    default Set<String> includedSegments() {
        return IncludeCollector.collect(this);
    }
}
