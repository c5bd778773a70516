package io.lytx.thymeleaf;

import io.lytx.servlet.internal.bootstrap.SafeRecommendation;
import java.util.List;
import java.util.Objects;

/**
 * A recommendation as templates see it ({@code ${rec.url}}, {@code ${rec.title}}...): JavaBean
 * getters for every expression language (OGNL, SpEL). Texts are raw (Thymeleaf's {@code th:text}
 * escapes them); {@link #getUrl()} and {@link #getImage()} are safe URLs: http(s) or relative, never
 * {@code javascript:}. Immutable.
 */
public final class LyticsRecommendation {

    private final SafeRecommendation r;

    /** @param r the safe recommendation, never null */
    LyticsRecommendation(SafeRecommendation r) {
        this.r = Objects.requireNonNull(r, "r");
    }

    /** The safe link target. */
    public String getUrl() {
        return r.url();
    }

    /** The title (raw text). */
    public String getTitle() {
        return r.title();
    }

    /** The description (raw text). */
    public String getDescription() {
        return r.description();
    }

    /** The safe image URL, empty when none. */
    public String getImage() {
        return r.image();
    }

    /** The topics. */
    public List<String> getTopics() {
        return r.topics();
    }

    /** Wraps a list. */
    static List<LyticsRecommendation> of(List<SafeRecommendation> list) {
        return list.stream().map(LyticsRecommendation::new).toList();
    }

    @Override
    public String toString() {
        return r.url();
    }
}
