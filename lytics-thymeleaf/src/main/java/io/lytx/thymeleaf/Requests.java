package io.lytx.thymeleaf;

import io.lytx.servlet.internal.preview.Personalization;
import io.lytx.servlet.internal.web.TemplateSupport;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.context.IWebContext;
import org.thymeleaf.web.IWebExchange;
import org.thymeleaf.web.servlet.IServletWebExchange;

/**
 * Finds the servlet request behind a Thymeleaf context: plain Thymeleaf with
 * {@code JakartaServletWebApplication} and Spring's integration both give an {@link IWebContext}
 * whose exchange is an {@link IServletWebExchange}. Stateless.
 */
final class Requests {

    private Requests() {
    }

    /** The request, or null when the template is not rendered for a servlet request. */
    static HttpServletRequest request(IExpressionContext context) {
        if (context instanceof IWebContext web) {
            IWebExchange exchange = web.getExchange();
            if (exchange instanceof IServletWebExchange servlet && servlet.getNativeRequestObject() instanceof HttpServletRequest r) {
                return r;
            }
        }
        return null;
    }

    static HttpServletResponse response(IExpressionContext context) {
        if (context instanceof IWebContext web && web.getExchange() instanceof IServletWebExchange servlet
                && servlet.getNativeResponseObject() instanceof HttpServletResponse r) {
            return r;
        }
        return null;
    }

    /** The deployment's template support, or null outside a servlet request. */
    static TemplateSupport templates(IExpressionContext context) {
        HttpServletRequest r = request(context);
        return r == null ? null : TemplateSupport.of(r.getServletContext());
    }

    /** The request's personalization (preview applied), or null outside a servlet request. */
    static Personalization personalization(IExpressionContext context) {
        HttpServletRequest r = request(context);
        return r == null ? null : TemplateSupport.of(r.getServletContext()).personalization(r, response(context));
    }
}
