package io.lytx.servlet.jsp;

import io.lytx.servlet.ProfileStatus;
import io.lytx.servlet.internal.preview.Personalization;
import io.lytx.servlet.internal.preview.SegmentCondition;
import jakarta.servlet.jsp.JspException;
import jakarta.servlet.jsp.tagext.SimpleTagSupport;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code <lytics:status is="known">}: renders its body when the profile outcome is one of
 * {@code known}, {@code new} (new visitor), {@code unavailable} (comma list). {@code var} stores the
 * decision. Inside {@code <lytics:choose>} it is a branch. Marked in "show all variants" preview.
 * One instance per use (JSP rule).
 */
public class StatusTag extends SimpleTagSupport {

    private String is;
    private String var;
    private String scope;

    /** For the container. */
    public StatusTag() {
        // attributes are set by the container
    }

    /** @param is outcomes, e.g. {@code known} or {@code new, unavailable} */
    public void setIs(String is) {
        this.is = is;
    }

    /** @param var variable receiving the decision */
    public void setVar(String var) {
        this.var = var;
    }

    /** @param scope scope of {@code var} */
    public void setScope(String scope) {
        this.scope = scope;
    }

    @Override
    public void doTag() throws JspException, IOException {
        List<String> outcomes = SegmentCondition.split(is);
        Set<ProfileStatus> wanted = EnumSet.noneOf(ProfileStatus.class);
        try {
            for (String s : outcomes) {
                wanted.add(Personalization.parseStatus(s));
            }
        } catch (IllegalArgumentException e) {
            throw new JspException(e.getMessage(), e);
        }
        Personalization p = Pages.personalization(getJspContext());
        boolean holds = wanted.contains(p.status());
        Pages.store(getJspContext(), var, scope, holds);
        if (p.showAllVariants()) {
            Pages.body(getJspContext(), getJspBody(), true, "status:" + String.join(",", outcomes), holds);
            return;
        }
        ChooseTag choose = getParent() instanceof ChooseTag c ? c : null;
        if (!holds || (choose != null && choose.chosen())) {
            return;
        }
        if (choose != null) {
            choose.choose();
        }
        Pages.body(getJspContext(), getJspBody(), false, null, true);
    }
}
