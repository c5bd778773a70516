package io.lytx.thymeleaf;

import io.lytx.servlet.internal.bootstrap.HtmlEscaper;
import io.lytx.servlet.internal.preview.Personalization;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.element.AbstractAttributeTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.standard.expression.StandardExpressions;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * Base of the conditional attributes ({@code lytics:segment}, {@code lytics:unless},
 * {@code lytics:status}): the element stays when the condition holds and is removed (with its body)
 * otherwise. The value is a literal list of slugs, or a Thymeleaf expression giving one
 * ({@code lytics:segment="${page.audience}"}). In "show all variants" preview it always stays, marked with
 * {@code data-lytics-variant="<condition>"}. Stateless and thread-safe.
 */
abstract class ConditionProcessor extends AbstractAttributeTagProcessor {

    /** Same precedence as {@code th:if}. */
    static final int PRECEDENCE = 300;

    ConditionProcessor(String dialectPrefix, String attributeName) {
        super(TemplateMode.HTML, dialectPrefix, null, false, attributeName, true, PRECEDENCE, true);
    }

    /**
     * The literal slug list, or the value of a Thymeleaf expression ({@code ${...}}, {@code *{...}},
     * {@code #{...}}, {@code @{...}}) written as the attribute value.
     */
    static String resolve(ITemplateContext context, String value) {
        if (value == null) {
            return "";
        }
        String v = value.strip();
        if (v.length() > 3 && (v.startsWith("${") || v.startsWith("*{") || v.startsWith("#{")) && v.endsWith("}")) {
            Object result = StandardExpressions.getExpressionParser(context.getConfiguration())
                    .parseExpression(context, v).execute(context);
            return result == null ? "" : String.valueOf(result);
        }
        return v;
    }

    /** Whether the condition holds; {@code p} is null outside a servlet request. */
    abstract boolean holds(Personalization p, String value);

    /** The condition as shown in the preview marker. */
    abstract String describe(String value);

    @Override
    protected void doProcess(ITemplateContext context, IProcessableElementTag tag, AttributeName attributeName,
                             String attributeValue, IElementTagStructureHandler structureHandler) {
        String value = resolve(context, attributeValue);
        Personalization p = Requests.personalization(context);
        if (p != null && p.showAllVariants()) {
            structureHandler.setAttribute("data-lytics-variant", HtmlEscaper.escape(describe(value)));
            return;
        }
        if (!holds(p, value)) {
            structureHandler.removeElement();
        }
    }
}
