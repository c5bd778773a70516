package io.lytx.servlet.jsp;

import io.lytx.servlet.config.ConfigKey;
import io.lytx.servlet.internal.bootstrap.SafeRecommendation;
import io.lytx.servlet.internal.preview.FallbackItems;
import io.lytx.servlet.internal.preview.Personalization;
import jakarta.servlet.jsp.JspException;
import jakarta.servlet.jsp.PageContext;
import jakarta.servlet.jsp.tagext.SimpleTagSupport;
import java.io.IOException;
import java.util.List;

/**
 * {@code <lytics:recommendations var="rec" limit="3" contentsegment="articles">}: renders its body
 * once per recommendation of the visitor (fetched within the request's budget; none when unavailable),
 * with {@code var} a {@link RecommendationView} (escaped getters, safe URLs) and {@code varStatus} the
 * 0-based index. Recommendations whose URL is not http(s) or relative are dropped. The
 * recommendations used are also put in the bootstrap when {@code <lytics:head>} comes later or asks
 * for them.
 *
 * <p>With {@code fallback="${picks}"} (an {@link Iterable}, array or map of the site's own objects,
 * see {@link FallbackItems}) the body is rendered for up to {@code limit} of those items, as they are,
 * when Lytics gives no recommendation (unavailable, personalization off, a bot, a preview, none
 * found), so the page never shows an empty list. A body that serves both prints with
 * {@code <c:out>} and sets {@code escape="false"}, so that Lytics' text is escaped once, like the
 * site's items. One instance per use (JSP rule).
 */
public class RecommendationsTag extends SimpleTagSupport {

    private String var;
    private String varStatus;
    private int limit;
    private String contentSegment;
    private Object fallback;
    private boolean escape = true;

    /** For the container. */
    public RecommendationsTag() {
        // attributes are set by the container
    }

    /** @param var the page variable of the current recommendation */
    public void setVar(String var) {
        this.var = var;
    }

    /** @param varStatus the page variable of the current index (0-based) */
    public void setVarStatus(String varStatus) {
        this.varStatus = varStatus;
    }

    /** @param limit how many (1..100; default {@code lytics.recommendations.limit}) */
    public void setLimit(int limit) {
        this.limit = limit;
    }

    /** @param contentSegment a content segment restricting the documents */
    public void setContentsegment(String contentSegment) {
        this.contentSegment = contentSegment;
    }

    /** @param fallback the site's items shown when Lytics gives none (see {@link FallbackItems}), or null */
    public void setFallback(Object fallback) {
        this.fallback = fallback;
    }

    /**
     * @param escape whether {@code var}'s getters HTML-escape (default true); false for a body that
     *               prints with {@code <c:out>}, as one that also shows {@code fallback} items does
     */
    public void setEscape(boolean escape) {
        this.escape = escape;
    }

    @Override
    public void doTag() throws JspException, IOException {
        if (var == null || var.isBlank()) {
            throw new JspException("<lytics:recommendations> needs var");
        }
        Personalization p = Pages.personalization(getJspContext());
        int n = limit > 0 ? limit : defaultLimit();
        List<SafeRecommendation> recs = p.recommendations(n, contentSegment);
        if (recs.isEmpty()) {
            List<Object> items = FallbackItems.of(fallback, n);
            for (int i = 0; i < items.size(); i++) {
                renderBody(items.get(i), i);
            }
        } else {
            for (int i = 0; i < recs.size(); i++) {
                renderBody(new RecommendationView(recs.get(i), escape), i);
            }
        }
        getJspContext().removeAttribute(var, PageContext.PAGE_SCOPE);
        if (varStatus != null && !varStatus.isBlank()) {
            getJspContext().removeAttribute(varStatus, PageContext.PAGE_SCOPE);
        }
    }

    private void renderBody(Object item, int index) throws JspException, IOException {
        getJspContext().setAttribute(var, item, PageContext.PAGE_SCOPE);
        if (varStatus != null && !varStatus.isBlank()) {
            getJspContext().setAttribute(varStatus, index, PageContext.PAGE_SCOPE);
        }
        if (getJspBody() != null) {
            getJspBody().invoke(null);
        }
    }

    private int defaultLimit() throws JspException {
        var runtime = Pages.templates(getJspContext()).runtime();
        return runtime == null ? ConfigKey.DEFAULT_RECOMMENDATIONS_LIMIT : runtime.config().recommendationLimit();
    }
}
