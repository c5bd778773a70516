package io.lytx.sandbox.content;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One document of the content corpus: an article the site publishes, with its topics.
 *
 * <p>Immutable and thread-safe. The URL is stored normalized (see {@link UrlNormalizer}); the id
 * is derived from it with {@link UrlHash}.
 *
 * @param id               the hashed-url id (signed 64-bit, decimal text)
 * @param url              the normalized URL, without protocol
 * @param title            the title; may be empty
 * @param description      a one-sentence description; may be empty
 * @param body             a short body paragraph (served as document field {@code long_description}, Lytics' name); may be empty
 * @param topicRelevances  topic label to relevance 0..1, in descending relevance
 * @param primaryImage     an absolute image URL; may be empty
 * @param author           the author; may be empty
 * @param created          the publication instant
 * @param sitename         the site's name; may be empty
 */
public record Document(String id, String url, String title, String description, String body,
                       Map<String, Double> topicRelevances, String primaryImage, String author,
                       Instant created, String sitename) {

    /**
     * Validates and copies the components.
     *
     * @param id the hashed-url id (signed 64-bit, decimal text)
     * @param url the normalized URL, without protocol
     * @param title the title; may be empty
     * @param description a one-sentence description; may be empty
     * @param body a short body paragraph (served as document field {@code long_description}, Lytics' name); may be empty
     * @param topicRelevances topic label to relevance 0..1, in descending relevance
     * @param primaryImage an absolute image URL; may be empty
     * @param author the author; may be empty
     * @param created the publication instant
     * @param sitename the site's name; may be empty
     * @throws NullPointerException     when a component is null
     * @throws IllegalArgumentException when the URL is blank or a relevance is outside 0..1
     */
    public Document {
        Objects.requireNonNull(id, "id");
        url = Objects.requireNonNull(UrlNormalizer.normalize(Objects.requireNonNull(url, "url")), "url");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(primaryImage, "primaryImage");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(sitename, "sitename");
        Map<String, Double> sorted = new LinkedHashMap<>();
        Objects.requireNonNull(topicRelevances, "topicRelevances").entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> {
                    double v = e.getValue();
                    if (!(v >= 0 && v <= 1)) {
                        throw new IllegalArgumentException("relevance of topic " + e.getKey() + " must be 0..1, was " + v);
                    }
                    sorted.put(e.getKey(), v);
                });
        topicRelevances = Collections.unmodifiableMap(sorted);
    }

    /**
     * A document whose id is derived from its URL.
     *
     * @param url             the URL (normalized here)
     * @param title           the title
     * @param description     the description
     * @param body            the body paragraph
     * @param topicRelevances topic to relevance 0..1
     * @param primaryImage    the image URL
     * @param author          the author
     * @param created         the publication instant
     * @param sitename        the site's name
     * @return the document
     */
    public static Document of(String url, String title, String description, String body,
                              Map<String, Double> topicRelevances, String primaryImage, String author,
                              Instant created, String sitename) {
        return new Document(UrlHash.of(url), url, title, description, body, topicRelevances,
                primaryImage, author, created, sitename);
    }

    /**
     * The topic labels, most relevant first.
     *
     * @return an immutable list
     */
    public List<String> topics() {
        return List.copyOf(topicRelevances.keySet());
    }

    /**
     * The cumulative path prefixes Lytics lists as {@code path}, e.g. {@code ["articles",
     * "articles/running"]}.
     *
     * @return an immutable list, empty for a bare host
     */
    public List<String> pathPrefixes() {
        String p = UrlNormalizer.path(url);
        List<String> out = new ArrayList<>();
        StringBuilder prefix = new StringBuilder();
        for (String part : p.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (prefix.length() > 0) {
                prefix.append('/');
            }
            prefix.append(part);
            out.add(prefix.toString());
        }
        return List.copyOf(out);
    }

    /**
     * The document as the content API writes it ({@code url}, {@code title}, {@code topics},
     * {@code topic_relevances}, {@code primary_image}, ...), also the map FilterQL content segments
     * are evaluated over.
     *
     * @return a new insertion-ordered mutable map of JSON-serializable values
     */
    public Map<String, Object> toWire() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", url);
        m.put("title", title);
        m.put("description", description);
        m.put("long_description", body); // Lytics' name for the text ([OAS] classify, [SK] content scans)
        m.put("topics", topics());
        m.put("topic_relevances", new LinkedHashMap<>(topicRelevances));
        m.put("primary_image", primaryImage);
        m.put("author", author);
        m.put("created", created.toString());
        m.put("id", id);
        m.put("hashedurl", id);
        m.put("sitename", sitename);
        m.put("stream", "default");
        m.put("path", pathPrefixes());
        m.put("aspects", List.of("article"));
        m.put("language", "en");
        return m;
    }
}
