package io.lytx.thymeleaf;

import io.lytx.servlet.internal.preview.Personalization;
import io.lytx.servlet.internal.preview.SegmentCondition;
import org.thymeleaf.exceptions.TemplateProcessingException;

/**
 * {@code lytics:status="known"} (or {@code "new, unavailable"}): keeps the element when the profile
 * outcome is one of the listed ones. Outside a servlet request the outcome is {@code unavailable}.
 * Stateless.
 */
final class StatusProcessor extends ConditionProcessor {

    StatusProcessor(String dialectPrefix) {
        super(dialectPrefix, "status");
    }

    @Override
    boolean holds(Personalization p, String value) {
        String current = p == null ? "unavailable" : p.statusName();
        for (String s : SegmentCondition.split(value)) {
            try {
                if (Personalization.statusName(Personalization.parseStatus(s)).equals(current)) {
                    return true;
                }
            } catch (IllegalArgumentException e) {
                throw new TemplateProcessingException("lytics:status: " + e.getMessage());
            }
        }
        return false;
    }

    @Override
    String describe(String value) {
        return "status:" + String.join(",", SegmentCondition.split(value));
    }
}
