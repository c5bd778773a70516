package io.lytx.sandbox.profile;

/**
 * The rule that turns page views into the topic affinities of {@code lytics_content}.
 *
 * <p>Each page view of a corpus document adds the document's relevance for each of its topics
 * (0..1) to the profile's weight {@code w} for that topic. The affinity is
 * {@code w / (w + 3)}: it grows with every view, stays below 1, and after views of three documents
 * whose relevance for a topic is 1.0 it reaches exactly 0.5. So with the demo segments'
 * threshold {@code lytics_content.<topic> >= 0.5}, reading three articles of one topic puts the
 * visitor into that topic's segment, while one (0.25) or two (0.4) do not. Stateless and
 * thread-safe.
 */
public final class ContentAffinity {

    /** The weight at which the affinity reaches 0.5. */
    public static final double HALF_WEIGHT = 3.0;

    private ContentAffinity() {
    }

    /**
     * The affinity for an accumulated weight.
     *
     * @param weight the sum of relevances of the viewed documents for one topic; &gt;= 0
     * @return the affinity, 0 &lt;= a &lt; 1
     */
    public static double affinity(double weight) {
        if (weight <= 0) {
            return 0;
        }
        return weight / (weight + HALF_WEIGHT);
    }
}
