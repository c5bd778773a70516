package io.lytx.example.content;

import io.lytx.client.content.ContentApi;
import io.lytx.client.content.ContentDocument;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The articles of the site, read from the Lytics content corpus through the {@code lytics-client}
 * content API ({@code GET /api/content/doc}) of whatever Lytics the example points at. Only documents
 * whose URL has the form {@code .../articles/<topic>/<slug>} are articles.
 *
 * <p>Thread-safe. Every method blocks for one HTTP call, bounded by the client's timeouts, and
 * throws the client's {@link io.lytx.client.error.LyticsException} subclasses when Lytics fails.
 */
public final class ArticleCatalog {

    /** Servlet-context attribute holding the instance. */
    public static final String ATTRIBUTE = ArticleCatalog.class.getName();

    private static final int MAX_DOCUMENTS = 1000;

    private final ContentApi content;

    /**
     * @param content the content API of the example's client, never null
     * @throws NullPointerException if {@code content} is null
     */
    public ArticleCatalog(ContentApi content) {
        this.content = Objects.requireNonNull(content, "content");
    }

    /**
     * Every article, grouped by topic (topics and articles in alphabetical order).
     *
     * @return topic → articles, never null
     */
    public Map<String, List<Article>> byTopic() {
        Map<String, List<Article>> out = new LinkedHashMap<>();
        all().stream()
                .sorted(Comparator.comparing(Article::topic).thenComparing(Article::title))
                .forEach(a -> out.computeIfAbsent(a.topic(), t -> new ArrayList<>()).add(a));
        return out;
    }

    /**
     * One article.
     *
     * @param topic the topic path segment, never null
     * @param slug  the slug path segment, never null
     * @return the article, or empty when the corpus has none at that path
     * @throws NullPointerException if an argument is null
     */
    public Optional<Article> find(String topic, String slug) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(slug, "slug");
        return all().stream().filter(a -> a.topic().equals(topic) && a.slug().equals(slug)).findFirst();
    }

    private List<Article> all() {
        List<Article> out = new ArrayList<>();
        for (ContentDocument d : content.documents(List.of(), List.of(), MAX_DOCUMENTS).documents()) {
            ArticlePaths.topicAndSlug(d.url()).ifPresent(ts -> out.add(new Article(ts[0], ts[1],
                    nonNull(d.title()), nonNull(d.description()),
                    d.fields().string("long_description").orElse(""), d.fields().string("author").orElse(""),
                    d.topics() == null ? List.of() : d.topics(), d.url())));
        }
        return out;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
