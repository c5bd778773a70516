package io.lytx.client.content;

import java.util.List;

/**
 * The topic graph of {@code /api/content/taxonomy}: nodes, and links given as indexes into the nodes.
 *
 * <p>An immutable value when the client builds it (its lists and maps are unmodifiable), and then thread-safe.
 *
 * @param n     number of nodes Lytics reports
 * @param nodes the topics
 * @param links the weighted edges
 */
public record Taxonomy(long n, List<Node> nodes, List<Link> links) {

    /**
     * @param name     topic label
     * @param docCount documents with the topic
     */
    public record Node(String name, long docCount) {
    }

    /**
     * @param source index of the source node
     * @param target index of the target node
     * @param value  weight
     */
    public record Link(int source, int target, double value) {
    }
}
