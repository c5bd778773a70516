package io.lytx.thymeleaf;

import java.util.Set;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.expression.IExpressionObjectFactory;

/** Builds the {@code #lytics} expression object, once per template execution. Stateless. */
final class LyticsExpressionFactory implements IExpressionObjectFactory {

    /** Name of the expression object. */
    static final String NAME = "lytics";

    @Override
    public Set<String> getAllExpressionObjectNames() {
        return Set.of(NAME);
    }

    @Override
    public Object buildObject(IExpressionContext context, String expressionObjectName) {
        return NAME.equals(expressionObjectName) ? new LyticsExpressions(Requests.personalization(context)) : null;
    }

    @Override
    public boolean isCacheable(String expressionObjectName) {
        return true;
    }
}
