package io.lytx.thymeleaf;

import io.lytx.servlet.internal.preview.Personalization;
import io.lytx.servlet.internal.preview.SegmentCondition;

/**
 * {@code lytics:unless="vip"}: the negation of {@code lytics:segment} (same forms): keeps the
 * element when the condition does NOT hold, so it is the fallback content (also shown when the
 * profile is unavailable). Stateless.
 */
final class UnlessSegmentProcessor extends ConditionProcessor {

    UnlessSegmentProcessor(String dialectPrefix) {
        super(dialectPrefix, "unless");
    }

    @Override
    boolean holds(Personalization p, String value) {
        return p == null || !p.test(SegmentCondition.parse(value, SegmentCondition.Match.ANY));
    }

    @Override
    String describe(String value) {
        return "not " + SegmentCondition.parse(value, SegmentCondition.Match.ANY);
    }
}
