package io.lytx.servlet.jsp;

import io.lytx.servlet.internal.bootstrap.HtmlEscaper;
import io.lytx.servlet.internal.bootstrap.SafeRecommendation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One recommendation as {@code <lytics:recommendations var="rec">} exposes it to EL. JSP EL does not
 * escape, so the getters are escaped by default: {@code ${rec.title}}, {@code ${rec.description}},
 * {@code ${rec.topics}} are HTML-escaped text; {@code ${rec.url}} and {@code ${rec.image}} are safe URLs
 * (http(s) or relative, never {@code javascript:}) escaped for a quoted attribute. The unescaped values
 * are under {@code ${rec.raw}}. A view made with {@code escaped} false (the tag's {@code escape="false"})
 * gives the unescaped text from every getter (URLs still safe), for pages that print with
 * {@code <c:out>}, which escapes once more. Immutable.
 */
public final class RecommendationView {

    private final SafeRecommendation raw;
    private final boolean escaped;

    /** @param raw the safe recommendation, never null; the getters are escaped */
    RecommendationView(SafeRecommendation raw) {
        this(raw, true);
    }

    /**
     * @param raw     the safe recommendation, never null
     * @param escaped whether the getters HTML-escape their text
     */
    RecommendationView(SafeRecommendation raw, boolean escaped) {
        this.raw = Objects.requireNonNull(raw, "raw");
        this.escaped = escaped;
    }

    /** The link target, safe; attribute-escaped unless made unescaped. */
    public String getUrl() {
        return text(raw.url());
    }

    /** The title, HTML-escaped unless made unescaped. */
    public String getTitle() {
        return text(raw.title());
    }

    /** The description, HTML-escaped unless made unescaped. */
    public String getDescription() {
        return text(raw.description());
    }

    /** The image URL (safe; attribute-escaped unless made unescaped), empty when none. */
    public String getImage() {
        return text(raw.image());
    }

    /** The topics, each HTML-escaped unless made unescaped. */
    public List<String> getTopics() {
        if (!escaped) {
            return raw.topics();
        }
        List<String> out = new ArrayList<>();
        for (String t : raw.topics()) {
            out.add(text(t));
        }
        return out;
    }

    private String text(String value) {
        return escaped ? HtmlEscaper.escape(value) : value;
    }

    /** The same recommendation with unescaped getters (URLs still safe): {@code ${rec.raw.title}}. */
    public RecommendationView getRaw() {
        return escaped ? new RecommendationView(raw, false) : this;
    }
}
