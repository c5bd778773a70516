package io.lytx.client.content;

import io.lytx.client.entity.ProfileFields;
import java.util.List;
import java.util.Map;

/**
 * A document of the content corpus ({@code /api/content/doc}). The common fields are typed; every
 * field Lytics sent is in {@link #fields()}.
 *
 * <p>An immutable value when the client builds it (its lists and maps are unmodifiable), and then thread-safe.
 *
 * @param url         the URL, usually without protocol
 * @param title       the title, empty when absent
 * @param description the description, empty when absent
 * @param topics      topic labels
 * @param topicRelevances topic → relevance 0..1
 * @param id          the hashed-URL id as text
 * @param fields      every field, tolerant access
 */
public record ContentDocument(String url, String title, String description, List<String> topics,
                              Map<String, Double> topicRelevances, String id, ProfileFields fields) {
}
