package io.lytx.example.content;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Objects;

/**
 * Turns recommendation URLs into links of this site: a corpus article
 * ({@code .../articles/<topic>/<slug>}) links to the local article page, any other URL is kept as
 * it is (the library has already made it safe). Published as the application attribute
 * {@value #ATTRIBUTE} for templates ({@code ${links.local(rec.url)}}). Immutable and thread-safe.
 */
public final class Links {

    /** Servlet-context attribute holding the instance. */
    public static final String ATTRIBUTE = "links";

    /** Most URLs whose link is remembered. */
    static final int REMEMBERED = 10_000;

    private final String contextPath;
    private final Cache<String, String> links = Caffeine.newBuilder().maximumSize(REMEMBERED)
            .executor(Runnable::run).build(); // upkeep inline: no hand-off to a pool per page

    /**
     * @param contextPath the web application's context path ("" for the root), never null
     * @throws NullPointerException if {@code contextPath} is null
     */
    public Links(String contextPath) {
        this.contextPath = Objects.requireNonNull(contextPath, "contextPath");
    }

    /**
     * The link for a recommended URL.
     *
     * @param url the recommendation's URL; null gives "#"
     * @return a local path for corpus articles, else {@code url} unchanged
     */
    public String local(String url) {
        if (url == null) {
            return "#";
        }
        return links.get(url, u -> ArticlePaths.topicAndSlug(u)
                .map(ts -> contextPath + "/articles/" + ts[0] + "/" + ts[1]).orElse(u));
    }
}
