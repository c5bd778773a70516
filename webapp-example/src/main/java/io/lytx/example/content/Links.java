package io.lytx.example.content;

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

    private final String contextPath;

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
        return ArticlePaths.topicAndSlug(url).map(ts -> contextPath + "/articles/" + ts[0] + "/" + ts[1]).orElse(url);
    }
}
