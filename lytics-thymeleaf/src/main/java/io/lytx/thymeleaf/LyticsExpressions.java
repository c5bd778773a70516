package io.lytx.thymeleaf;

import io.lytx.servlet.internal.preview.Personalization;
import io.lytx.servlet.internal.preview.SegmentCondition;
import java.util.List;

/**
 * The {@code #lytics} expression object: the visitor's decision for expressions, e.g.
 * {@code th:if="${#lytics.inSegment('vip')}"}, {@code th:text="${#lytics.field('first_name', 'friend')}"},
 * {@code th:each="rec : ${#lytics.recommendations(3)}"}, {@code ${#lytics.visitorId()}},
 * {@code ${#lytics.status()}}. Outside a servlet request every answer is the "unavailable" one
 * (no segments, no fields, no recommendations). One per template execution; not shared across threads.
 */
public final class LyticsExpressions {

    private final Personalization p;

    LyticsExpressions(Personalization p) {
        this.p = p;
    }

    /** Whether the visitor is in the segment. */
    public boolean inSegment(String slug) {
        return p != null && p.inSegment(slug);
    }

    /** Whether the visitor is in at least one of the comma-separated slugs. */
    public boolean inAnySegment(String slugs) {
        return test(slugs, SegmentCondition.Match.ANY);
    }

    /** Whether the visitor is in every one of the comma-separated slugs. */
    public boolean inAllSegments(String slugs) {
        return test(slugs, SegmentCondition.Match.ALL);
    }

    /** Whether the visitor is in none of the slugs (false when the profile is unavailable). */
    public boolean inNoSegment(String slugs) {
        return test(slugs, SegmentCondition.Match.NONE);
    }

    private boolean test(String slugs, SegmentCondition.Match match) {
        return p != null && p.test(SegmentCondition.parse(slugs, match));
    }

    /** The visitor's segment slugs. */
    public List<String> segments() {
        return p == null ? List.of() : p.segments();
    }

    /** A profile field as text, or null (use {@code th:text}, which escapes). */
    public String field(String name) {
        return p == null ? null : p.field(name);
    }

    /** A profile field as text, or {@code defaultValue} when absent or empty. */
    public String field(String name, String defaultValue) {
        String v = field(name);
        return v == null || v.isEmpty() ? defaultValue : v;
    }

    /** Up to {@code n} recommendations (safe URLs; fetched within the request's budget). */
    public List<LyticsRecommendation> recommendations(int n) {
        return p == null ? List.of() : LyticsRecommendation.of(p.recommendations(n, null));
    }

    /** Up to {@code n} recommendations of a content segment. */
    public List<LyticsRecommendation> recommendations(int n, String contentSegment) {
        return p == null ? List.of() : LyticsRecommendation.of(p.recommendations(n, contentSegment));
    }

    /** The visitor id, or null. */
    public String visitorId() {
        return p == null ? null : p.visitorId();
    }

    /** {@code known}, {@code new} or {@code unavailable}. */
    public String status() {
        return p == null ? "unavailable" : p.statusName();
    }

    /** Whether the profile is known. */
    public boolean known() {
        return "known".equals(status());
    }

    /** Whether an editor's preview is in force. */
    public boolean previewing() {
        return p != null && p.previewing();
    }
}
