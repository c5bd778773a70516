package io.lytx.servlet.jsp;

import io.lytx.servlet.internal.bootstrap.HtmlEscaper;
import io.lytx.servlet.internal.preview.Personalization;
import io.lytx.servlet.internal.web.TemplateSupport;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.jsp.JspContext;
import jakarta.servlet.jsp.JspException;
import jakarta.servlet.jsp.PageContext;
import jakarta.servlet.jsp.tagext.JspFragment;
import java.io.IOException;
import java.util.Locale;

/** What the tags need from the page: request, deployment, personalization, scoped variables. Stateless. */
final class Pages {

    private Pages() {
    }

    static PageContext page(JspContext context) throws JspException {
        if (context instanceof PageContext pc && pc.getRequest() instanceof HttpServletRequest) {
            return pc;
        }
        throw new JspException("the Lytics tags need an HTTP JSP page");
    }

    static HttpServletRequest request(JspContext context) throws JspException {
        return (HttpServletRequest) page(context).getRequest();
    }

    static TemplateSupport templates(JspContext context) throws JspException {
        return TemplateSupport.of(page(context).getServletContext());
    }

    static Personalization personalization(JspContext context) throws JspException {
        PageContext pc = page(context);
        HttpServletResponse res = pc.getResponse() instanceof HttpServletResponse r ? r : null;
        return TemplateSupport.of(pc.getServletContext()).personalization((HttpServletRequest) pc.getRequest(), res);
    }

    /** Stores a variable in {@code page}, {@code request}, {@code session} or {@code application} scope. */
    static void store(JspContext context, String var, String scope, Object value) throws JspException {
        if (var == null || var.isBlank()) {
            return;
        }
        context.setAttribute(var, value, scope(scope));
    }

    static int scope(String scope) throws JspException {
        return switch (scope == null ? "page" : scope.strip().toLowerCase(Locale.ROOT)) {
            case "page" -> PageContext.PAGE_SCOPE;
            case "request" -> PageContext.REQUEST_SCOPE;
            case "session" -> PageContext.SESSION_SCOPE;
            case "application" -> PageContext.APPLICATION_SCOPE;
            default -> throw new JspException("scope must be page, request, session or application: " + scope);
        };
    }

    /**
     * Writes the body; in "show all variants" mode wrapped in a marked {@code <lytics-variant>} element.
     * {@code condition} is only read when {@code marked} (callers pass null otherwise).
     */
    static void body(JspContext context, JspFragment body, boolean marked, String condition, boolean wouldShow)
            throws JspException, IOException {
        if (body == null) {
            return;
        }
        if (!marked) {
            body.invoke(null);
            return;
        }
        context.getOut().write("<lytics-variant data-lytics-condition=\"" + HtmlEscaper.escape(condition)
                + "\" data-lytics-match=\"" + wouldShow + "\">");
        body.invoke(null);
        context.getOut().write("</lytics-variant>");
    }
}
