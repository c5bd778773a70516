package io.lytx.servlet.jsp;

import io.lytx.servlet.internal.preview.Personalization;
import io.lytx.servlet.internal.preview.SegmentCondition;
import jakarta.servlet.jsp.JspException;
import jakarta.servlet.jsp.tagext.SimpleTagSupport;
import java.io.IOException;

/**
 * {@code <lytics:segment in="vip, gold" match="any|all|none" var="isVip">}: renders its body when
 * the visitor is in the segments ({@code any}: at least one, {@code all}: every one, {@code none}:
 * none of them, false when the profile is unavailable). {@code var} (with {@code scope}) stores the
 * decision as a Boolean. Inside {@code <lytics:choose>} it is a branch: only the first holding branch
 * renders. In "show all variants" preview the body is always rendered, wrapped in a marked
 * {@code <lytics-variant>}. One instance per use (JSP rule).
 */
public class SegmentTag extends SimpleTagSupport {

    private String in;
    private String match;
    private String var;
    private String scope;

    /** For the container. */
    public SegmentTag() {
        // attributes are set by the container
    }

    /** @param in comma- or space-separated slugs (optionally prefixed any:/all:/none:) */
    public void setIn(String in) {
        this.in = in;
    }

    /** @param match any (default), all or none */
    public void setMatch(String match) {
        this.match = match;
    }

    /** @param var variable receiving the decision */
    public void setVar(String var) {
        this.var = var;
    }

    /** @param scope scope of {@code var}: page (default), request, session, application */
    public void setScope(String scope) {
        this.scope = scope;
    }

    /** The branch's condition text and decision. */
    Decision decide(Personalization p) throws JspException {
        SegmentCondition condition;
        try {
            condition = SegmentCondition.parse(in, SegmentCondition.Match.parse(match));
        } catch (IllegalArgumentException e) {
            throw new JspException(e.getMessage(), e);
        }
        return new Decision(condition, p.test(condition));
    }

    /** A branch decision: its condition (its text marks the branch in previews) and whether it holds. */
    record Decision(SegmentCondition condition, boolean holds) {
    }

    @Override
    public void doTag() throws JspException, IOException {
        Personalization p = Pages.personalization(getJspContext());
        Decision d = decide(p);
        Pages.store(getJspContext(), var, scope, d.holds());
        ChooseTag choose = getParent() instanceof ChooseTag c ? c : null; // direct children of choose are branches
        if (choose == null && this instanceof WhenTag) {
            throw new jakarta.servlet.jsp.JspTagException("<lytics:when> must be directly inside <lytics:choose>");
        }
        if (p.showAllVariants()) {
            Pages.body(getJspContext(), getJspBody(), true, d.condition().toString(), d.holds());
            return;
        }
        if (choose != null) {
            if (choose.chosen() || !d.holds()) {
                return;
            }
            choose.choose();
        } else if (!d.holds()) {
            return;
        }
        Pages.body(getJspContext(), getJspBody(), false, null, true);
    }
}
