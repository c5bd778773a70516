package io.lytx.example.content;

import java.util.List;
import java.util.Objects;

/**
 * The topics of the site's articles, for the home pages' "interested in a topic" blocks (segment
 * {@code interested_<topic>}). Read from the {@link ArticleCatalog} and kept (see {@link CatalogValue});
 * while Lytics cannot be read the list is empty (the blocks are left out).
 * Published as the application attribute {@value #ATTRIBUTE}. Thread-safe; {@link #list()} may block
 * for one content API call.
 */
public final class SiteTopics {

    /** Servlet-context attribute holding the instance. */
    public static final String ATTRIBUTE = "siteTopics";

    private final CatalogValue<String> topics;

    /**
     * @param catalog where the articles come from, never null
     * @throws NullPointerException if {@code catalog} is null
     */
    public SiteTopics(ArticleCatalog catalog) {
        Objects.requireNonNull(catalog, "catalog");
        this.topics = new CatalogValue<>(() -> List.copyOf(catalog.byTopic().keySet()));
    }

    /**
     * The topics, alphabetical.
     *
     * @return the topics; empty when Lytics could not be read
     */
    public List<String> list() {
        return topics.get();
    }
}
