package io.lytx.thymeleaf;

import io.lytx.servlet.config.ConfigKey;
import io.lytx.servlet.internal.preview.FallbackItems;
import io.lytx.servlet.internal.preview.Personalization;
import java.util.List;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.element.AbstractAttributeTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.standard.expression.StandardExpressions;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * {@code <li lytics:recommendations="rec" lytics:limit="3" lytics:contentsegment="articles">}:
 * repeats the element once per recommendation (like {@code th:each}), with {@code rec} a
 * {@link LyticsRecommendation} (safe URLs) and {@code recStat} the iteration status; then use
 * {@code th:href="${rec.url}"}, {@code th:text="${rec.title}"} (escaped). No recommendation (or
 * unavailable): the element is removed, unless {@code lytics:fallback="${picks}"} names the site's own
 * items (an {@link Iterable}, array or map, see {@link FallbackItems}): then the element is repeated
 * for up to {@code limit} of them, as they are. Stateless.
 */
final class RecommendationsProcessor extends AbstractAttributeTagProcessor {

    /** Same precedence as {@code th:each}. */
    static final int PRECEDENCE = 200;
    private static final java.util.regex.Pattern VAR = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    private final String prefix;

    RecommendationsProcessor(String dialectPrefix) {
        super(TemplateMode.HTML, dialectPrefix, null, false, "recommendations", true, PRECEDENCE, true);
        this.prefix = dialectPrefix;
    }

    @Override
    protected void doProcess(ITemplateContext context, IProcessableElementTag tag, AttributeName attributeName,
                             String attributeValue, IElementTagStructureHandler structureHandler) {
        String var = attributeValue == null ? "" : attributeValue.strip();
        if (!VAR.matcher(var).matches()) {
            throw new TemplateProcessingException("lytics:recommendations needs a variable name, e.g. \"rec\": '"
                    + attributeValue + "'");
        }
        String limitText = tag.getAttributeValue(prefix, "limit");
        String contentSegment = tag.getAttributeValue(prefix, "contentsegment");
        String fallback = tag.getAttributeValue(prefix, "fallback");
        structureHandler.removeAttribute(prefix, "limit");
        structureHandler.removeAttribute(prefix, "contentsegment");
        structureHandler.removeAttribute(prefix, "fallback");
        int limit = 0;
        if (limitText != null && !limitText.isBlank()) {
            try {
                limit = Integer.parseInt(limitText.strip());
            } catch (NumberFormatException e) {
                throw new TemplateProcessingException("lytics:limit must be a number: '" + limitText + "'");
            }
        }
        Personalization p = Requests.personalization(context);
        int n = limit > 0 ? limit : defaultLimit(context);
        List<?> items = p == null ? List.of() : LyticsRecommendation.of(p.recommendations(n, contentSegment));
        if (items.isEmpty() && fallback != null && !fallback.isBlank()) {
            items = FallbackItems.of(evaluate(context, fallback), n);
        }
        structureHandler.iterateElement(var, var + "Stat", items);
    }

    private static Object evaluate(ITemplateContext context, String expression) {
        return StandardExpressions.getExpressionParser(context.getConfiguration())
                .parseExpression(context, expression.strip()).execute(context);
    }

    private static int defaultLimit(ITemplateContext context) {
        var templates = Requests.templates(context);
        return templates == null || templates.runtime() == null ? ConfigKey.DEFAULT_RECOMMENDATIONS_LIMIT : templates.runtime().config().recommendationLimit();
    }
}
