package io.lytx.client.content;

import java.util.List;
import java.util.Map;

/**
 * One recommended document. Text fields are untrusted input (escape before rendering); missing
 * text is empty, missing lists and maps are empty, never null.
 *
 * <p>An immutable value when the client builds it (its lists and maps are unmodifiable), and then thread-safe.
 *
 * @param url             the document URL, usually without protocol
 * @param title           the title
 * @param description     the description
 * @param topics          topic labels
 * @param topicRelevances topic → relevance 0..1
 * @param primaryImage    URL of the main image: Lytics' {@code primaryimageurl}, else the first of its
 *                        {@code imageurls}, else the older {@code primary_image}; empty when none
 * @param author          the author
 * @param created         creation time as Lytics sent it (ISO text)
 * @param id              the hashed-URL id (signed 64-bit number as text)
 * @param confidence      how confident Lytics is in the recommendation, 0..1
 * @param visited         whether the user already saw it
 */
public record Recommendation(String url, String title, String description, List<String> topics,
                             Map<String, Double> topicRelevances, String primaryImage, String author, String created,
                             String id, double confidence, boolean visited) {

    /**
     * Replaces nulls by empty values and copies collections.
     *
     * @param url             the document URL
     * @param title           the title
     * @param description     the description
     * @param topics          topic labels
     * @param topicRelevances topic → relevance
     * @param primaryImage    main image URL
     * @param author          the author
     * @param created         creation time
     * @param id              hashed-URL id
     * @param confidence      confidence 0..1
     * @param visited         whether already seen
     */
    public Recommendation {
        url = url == null ? "" : url;
        title = title == null ? "" : title;
        description = description == null ? "" : description;
        topics = topics == null ? List.of() : List.copyOf(topics);
        topicRelevances = topicRelevances == null ? Map.of() : Map.copyOf(topicRelevances);
        primaryImage = primaryImage == null ? "" : primaryImage;
        author = author == null ? "" : author;
        created = created == null ? "" : created;
        id = id == null ? "" : id;
    }
}
