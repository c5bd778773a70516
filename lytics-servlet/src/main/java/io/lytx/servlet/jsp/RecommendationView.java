package io.lytx.servlet.jsp;

import io.lytx.servlet.bootstrap.HtmlEscaper;
import io.lytx.servlet.bootstrap.SafeRecommendation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One recommendation as {@code <lytics:recommendations var="rec">} exposes it to EL. JSP EL does not
 * escape, so the getters are escaped by default: {@code ${rec.title}}, {@code ${rec.description}},
 * {@code ${rec.topics}} are HTML-escaped text; {@code ${rec.url}} and {@code ${rec.image}} are safe URLs
 * (http(s) or relative, never {@code javascript:}) escaped for a quoted attribute. The unescaped values
 * are under {@code ${rec.raw}} (e.g. for {@code <c:out>}). Immutable.
 */
public final class RecommendationView {

    private final SafeRecommendation raw;

    /** @param raw the safe recommendation, never null */
    public RecommendationView(SafeRecommendation raw) {
        this.raw = Objects.requireNonNull(raw, "raw");
    }

    /** The link target, safe and attribute-escaped. */
    public String getUrl() {
        return HtmlEscaper.escape(raw.url());
    }

    /** The title, HTML-escaped. */
    public String getTitle() {
        return HtmlEscaper.escape(raw.title());
    }

    /** The description, HTML-escaped. */
    public String getDescription() {
        return HtmlEscaper.escape(raw.description());
    }

    /** The image URL (safe, attribute-escaped), empty when none. */
    public String getImage() {
        return HtmlEscaper.escape(raw.image());
    }

    /** The topics, each HTML-escaped. */
    public List<String> getTopics() {
        List<String> out = new ArrayList<>();
        for (String t : raw.topics()) {
            out.add(HtmlEscaper.escape(t));
        }
        return out;
    }

    /** The unescaped values (URLs still safe). */
    public SafeRecommendation getRaw() {
        return raw;
    }
}
