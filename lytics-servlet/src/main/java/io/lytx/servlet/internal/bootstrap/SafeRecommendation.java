package io.lytx.servlet.internal.bootstrap;

import io.lytx.client.content.Recommendation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A recommendation ready for a page: {@link #url()} is a safe link target ({@link SafeUrl#ofContent}:
 * Lytics' protocol-less URLs get {@code https://}),
 * {@link #image()} is a safe URL or empty, texts are never null. Texts are NOT escaped: the template
 * engine escapes them (Thymeleaf {@code th:text}) or the JSP tag library does.
 *
 * @param url         safe link target (http(s) or relative)
 * @param title       title, empty when absent
 * @param description description, empty when absent
 * @param image       safe image URL, empty when absent or unsafe
 * @param topics      topic labels (non-null strings)
 */
public record SafeRecommendation(String url, String title, String description, String image, List<String> topics) {

    /** Longest title or description kept (longer ones are cut). */
    static final int MAX_TEXT = 4000;

    /** @throws NullPointerException if an argument is null */
    public SafeRecommendation {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(image, "image");
        topics = List.copyOf(topics);
    }

    /**
     * The safe form of an upstream recommendation.
     *
     * @param r the recommendation, may be null
     * @return null when {@code r} is null or its URL is not safe to link to (the recommendation is dropped)
     */
    public static SafeRecommendation of(Recommendation r) {
        if (r == null) {
            return null;
        }
        String url = SafeUrl.ofContent(r.url()).orElse(null);
        if (url == null) {
            return null;
        }
        List<String> topics = new ArrayList<>();
        if (r.topics() != null) {
            for (String t : r.topics()) {
                if (t != null) {
                    topics.add(t);
                }
            }
        }
        return new SafeRecommendation(url, cut(r.title()), cut(r.description()),
                SafeUrl.ofContent(r.primaryImage()).orElse(""), topics);
    }

    /** The safe forms of a list, unsafe ones dropped; never null. */
    public static List<SafeRecommendation> of(List<Recommendation> list) {
        List<SafeRecommendation> out = new ArrayList<>();
        if (list != null) {
            for (Recommendation r : list) {
                SafeRecommendation s = of(r);
                if (s != null) {
                    out.add(s);
                }
            }
        }
        return List.copyOf(out);
    }

    private static String cut(String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT);
    }
}
