package io.lytx.thymeleaf;

import io.lytx.servlet.internal.bootstrap.HtmlEscaper;
import io.lytx.servlet.internal.preview.Personalization;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.element.AbstractAttributeTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * {@code <span lytics:field="first_name" lytics:default="friend">...</span>}: replaces the element's
 * body with the profile field as escaped text, or the (escaped) default when the field is absent or
 * empty; without a default the original body stays as the fallback. Stateless.
 */
final class FieldProcessor extends AbstractAttributeTagProcessor {

    /** Same precedence as {@code th:text}. */
    static final int PRECEDENCE = 1300;

    private final String prefix;

    FieldProcessor(String dialectPrefix) {
        super(TemplateMode.HTML, dialectPrefix, null, false, "field", true, PRECEDENCE, true);
        this.prefix = dialectPrefix;
    }

    @Override
    protected void doProcess(ITemplateContext context, IProcessableElementTag tag, AttributeName attributeName,
                             String attributeValue, IElementTagStructureHandler structureHandler) {
        String fallback = tag.getAttributeValue(prefix, "default");
        structureHandler.removeAttribute(prefix, "default");
        Personalization p = Requests.personalization(context);
        String value = p == null ? null : p.field(attributeValue == null ? null : attributeValue.strip());
        if (value == null || value.isEmpty()) {
            value = fallback;
        }
        if (value != null) {
            structureHandler.setBody(HtmlEscaper.escape(value), false);
        }
    }
}
