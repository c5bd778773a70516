package io.lytx.example.content;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The site's editor's picks: what the home pages show in place of recommendations when Lytics gives
 * none (personalization off or unavailable, a first visit, a bot), through the tags' {@code fallback}
 * attribute. One article of each topic in turn (topics and titles alphabetical), at most
 * {@value #MAX} articles; read from the {@link ArticleCatalog} and kept (see {@link CatalogValue}),
 * empty while Lytics cannot be read. Published as the application attribute {@value #ATTRIBUTE}
 * ({@code ${featured.list()}}). Thread-safe; {@link #list()} may block for one content API call.
 */
public final class FeaturedArticles {

    /** Servlet-context attribute holding the instance. */
    public static final String ATTRIBUTE = "featured";
    /** Most articles listed. */
    public static final int MAX = 8;

    private final CatalogValue<Article> picks;

    /**
     * @param catalog where the articles come from, never null
     * @throws NullPointerException if {@code catalog} is null
     */
    public FeaturedArticles(ArticleCatalog catalog) {
        Objects.requireNonNull(catalog, "catalog");
        this.picks = new CatalogValue<>(() -> interleave(catalog.byTopic()));
    }

    /**
     * The picks, first article of each topic first.
     *
     * @return at most {@value #MAX} articles; empty when Lytics could not be read
     */
    public List<Article> list() {
        return picks.get();
    }

    /** One article per topic in turn: the first of each topic, then the second of each, and so on. */
    static List<Article> interleave(Map<String, List<Article>> byTopic) {
        List<Iterator<Article>> topics = new ArrayList<>();
        byTopic.values().forEach(articles -> topics.add(articles.iterator()));
        List<Article> out = new ArrayList<>();
        boolean more = true;
        while (more && out.size() < MAX) {
            more = false;
            for (Iterator<Article> topic : topics) {
                if (topic.hasNext() && out.size() < MAX) {
                    out.add(topic.next());
                    more = true;
                }
            }
        }
        return out;
    }
}
