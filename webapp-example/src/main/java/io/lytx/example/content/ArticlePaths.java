package io.lytx.example.content;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps document URLs of the corpus ({@code example.org/articles/<topic>/<slug>}, with or without
 * protocol) to the example's article paths. Stateless and thread-safe.
 */
public final class ArticlePaths {

    private static final Pattern ARTICLE = Pattern.compile("(?:^|/)articles/([a-z0-9-]{1,64})/([a-z0-9-]{1,128})/?(?:[?#].*)?$");

    private ArticlePaths() {
    }

    /**
     * The topic and slug of an article URL.
     *
     * @param url a document URL; null gives empty
     * @return {@code [topic, slug]}, or empty when the URL is not {@code .../articles/<topic>/<slug>}
     */
    public static Optional<String[]> topicAndSlug(String url) {
        if (url == null) {
            return Optional.empty();
        }
        Matcher m = ARTICLE.matcher(url);
        return m.find() ? Optional.of(new String[] {m.group(1), m.group(2)}) : Optional.empty();
    }
}
