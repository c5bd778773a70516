package io.lytx.servlet.jsp;

import io.lytx.servlet.internal.bootstrap.HtmlEscaper;
import io.lytx.servlet.internal.preview.Personalization;
import jakarta.servlet.jsp.JspException;
import jakarta.servlet.jsp.tagext.SimpleTagSupport;
import java.io.IOException;

/**
 * {@code <lytics:field name="first_name" default="friend"/>}: prints a profile field as text,
 * HTML-escaped unless {@code escape="false"}; the {@code default} (also escaped) when the field is
 * absent, empty or the profile is not known. With {@code var} the raw value (or default) is stored
 * instead of printed: escape it where you write it. One instance per use (JSP rule).
 */
public class FieldTag extends SimpleTagSupport {

    private String name;
    private String defaultValue;
    private boolean escape = true;
    private String var;
    private String scope;

    /** For the container. */
    public FieldTag() {
        // attributes are set by the container
    }

    /** @param name the profile field */
    public void setName(String name) {
        this.name = name;
    }

    /** @param defaultValue text used when the field is absent */
    public void setDefault(String defaultValue) {
        this.defaultValue = defaultValue;
    }

    /** @param escape whether to HTML-escape (default true) */
    public void setEscape(boolean escape) {
        this.escape = escape;
    }

    /** @param var variable receiving the value instead of printing it */
    public void setVar(String var) {
        this.var = var;
    }

    /** @param scope scope of {@code var} */
    public void setScope(String scope) {
        this.scope = scope;
    }

    @Override
    public void doTag() throws JspException, IOException {
        Personalization p = Pages.personalization(getJspContext());
        String value = p.field(name);
        if (value == null || value.isEmpty()) {
            value = defaultValue == null ? "" : defaultValue;
        }
        if (var != null && !var.isBlank()) {
            Pages.store(getJspContext(), var, scope, value);
            return;
        }
        getJspContext().getOut().write(escape ? HtmlEscaper.escape(value) : value);
    }
}
