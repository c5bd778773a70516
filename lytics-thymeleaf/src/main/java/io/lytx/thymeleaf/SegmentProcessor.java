package io.lytx.thymeleaf;

import io.lytx.servlet.internal.preview.Personalization;
import io.lytx.servlet.internal.preview.SegmentCondition;

/**
 * {@code lytics:segment="vip, gold"}: keeps the element when the visitor is in one of the segments;
 * {@code "all:vip,known_users"} needs every one, {@code "none:vip"} none of them (false when the
 * profile is unavailable). Slugs are literal, separated by commas or spaces. Stateless.
 */
final class SegmentProcessor extends ConditionProcessor {

    SegmentProcessor(String dialectPrefix) {
        super(dialectPrefix, "segment");
    }

    @Override
    boolean holds(Personalization p, String value) {
        return p != null && p.test(SegmentCondition.parse(value, SegmentCondition.Match.ANY));
    }

    @Override
    String describe(String value) {
        return SegmentCondition.parse(value, SegmentCondition.Match.ANY).toString();
    }
}
