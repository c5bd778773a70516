package io.lytx.thymeleaf;

import java.util.Set;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.standard.processor.StandardXmlNsTagProcessor;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * The Lytics dialect for Thymeleaf 3.1: register it with one line,
 * {@code templateEngine.addDialect(new LyticsDialect());} (plain Thymeleaf with
 * {@code JakartaServletWebApplication}, or Spring's {@code SpringTemplateEngine}; with Spring Boot,
 * {@code lytics-spring-boot-starter} registers it).
 *
 * <p>Attributes (prefix {@code lytics}, one job each): {@code lytics:segment="vip, gold"} (also
 * {@code all:...}, {@code none:...}), {@code lytics:unless="vip"} (negation), {@code lytics:status="known"},
 * {@code lytics:field="first_name" lytics:default="friend"} (escaped text),
 * {@code lytics:recommendations="rec" lytics:limit="3" lytics:contentsegment="x"} (iteration), and the
 * element {@code <lytics:head/>} (bootstrap + helper script). Expression object {@code #lytics}
 * ({@link LyticsExpressions}: {@code inSegment}, {@code field}, {@code recommendations(n)},
 * {@code visitorId}, {@code status}...). All output is escaped; recommendation URLs are safe.
 *
 * <p>The decision comes from the request's {@code io.lytx.servlet.LyticsFilter} (with the editor's
 * preview applied). Thread-safe; one instance may serve every engine.
 */
public final class LyticsDialect extends AbstractProcessorDialect implements IExpressionObjectDialect {

    /** The default prefix. */
    public static final String PREFIX = "lytics";

    private static final IExpressionObjectFactory EXPRESSIONS = new LyticsExpressionFactory();

    /** A dialect with prefix {@value #PREFIX}. */
    public LyticsDialect() {
        super("Lytics", PREFIX, StandardDialect.PROCESSOR_PRECEDENCE);
    }

    @Override
    public Set<IProcessor> getProcessors(String dialectPrefix) {
        return Set.of(
                new SegmentProcessor(dialectPrefix),
                new UnlessSegmentProcessor(dialectPrefix),
                new StatusProcessor(dialectPrefix),
                new FieldProcessor(dialectPrefix),
                new RecommendationsProcessor(dialectPrefix),
                new HeadProcessor(dialectPrefix),
                new StandardXmlNsTagProcessor(TemplateMode.HTML, dialectPrefix));
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return EXPRESSIONS;
    }
}
