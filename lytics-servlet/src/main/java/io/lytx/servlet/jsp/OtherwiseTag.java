package io.lytx.servlet.jsp;

import io.lytx.servlet.internal.preview.Personalization;
import jakarta.servlet.jsp.JspException;
import jakarta.servlet.jsp.JspTagException;
import jakarta.servlet.jsp.tagext.SimpleTagSupport;
import java.io.IOException;

/**
 * {@code <lytics:otherwise>}: the fallback of {@code <lytics:choose>}, rendered when no earlier branch
 * was. Must be a direct child of {@code <lytics:choose>}. One instance per use (JSP rule).
 */
public class OtherwiseTag extends SimpleTagSupport {

    /** For the container. */
    public OtherwiseTag() {
        // no attributes
    }

    @Override
    public void doTag() throws JspException, IOException {
        if (!(getParent() instanceof ChooseTag choose)) {
            throw new JspTagException("<lytics:otherwise> must be directly inside <lytics:choose>");
        }
        Personalization p = Pages.personalization(getJspContext());
        if (p.showAllVariants()) {
            Pages.body(getJspContext(), getJspBody(), true, "otherwise", !choose.chosen());
            return;
        }
        if (!choose.chosen()) {
            choose.choose();
            Pages.body(getJspContext(), getJspBody(), false, "otherwise", true);
        }
    }
}
