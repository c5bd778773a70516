package io.lytx.servlet.jsp;

import jakarta.servlet.jsp.JspException;
import jakarta.servlet.jsp.tagext.SimpleTagSupport;
import java.io.IOException;

/**
 * {@code <lytics:choose>}: like JSTL's {@code <c:choose>}: the first {@code <lytics:when>} (or
 * {@code <lytics:segment>} / {@code <lytics:status>}) whose condition holds is rendered, else
 * {@code <lytics:otherwise>}. In "show all variants" preview every branch is rendered, marked.
 * One instance per use (JSP rule).
 */
public class ChooseTag extends SimpleTagSupport {

    private boolean chosen;

    /** For the container. */
    public ChooseTag() {
        // no attributes
    }

    /** Whether a branch was already rendered. */
    boolean chosen() {
        return chosen;
    }

    /** Marks that a branch was rendered. */
    void choose() {
        chosen = true;
    }

    @Override
    public void doTag() throws JspException, IOException {
        if (getJspBody() != null) {
            getJspBody().invoke(null);
        }
    }
}
