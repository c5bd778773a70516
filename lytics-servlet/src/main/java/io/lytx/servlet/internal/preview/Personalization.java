package io.lytx.servlet.internal.preview;

import io.lytx.client.entity.Entity;
import io.lytx.servlet.LyticsContext;
import io.lytx.servlet.ProfileStatus;
import io.lytx.servlet.internal.bootstrap.SafeRecommendation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What the templates of one request render: the filter's {@link LyticsContext} with an editor's
 * {@link Preview} applied (forced segments and status, or every variant shown). Shared by the JSP
 * tags, the Thymeleaf dialect and the bootstrap, so all three take the same decision; it also
 * remembers the recommendations the page used, for the bootstrap.
 *
 * <p>One instance per request (request attribute {@link #ATTRIBUTE}, this class's name); thread-safe. Accessors wait for
 * the profile at most the request's budget (see {@link LyticsContext}) and never throw because Lytics
 * is slow or down.
 */
public final class Personalization {

    /** Request attribute holding the instance. */
    public static final String ATTRIBUTE = Personalization.class.getName();

    private static final int MAX_RECOMMENDATIONS = LyticsContext.MAX_RECOMMENDATIONS;

    private final LyticsContext context;
    private final Preview preview;
    private final Map<String, List<SafeRecommendation>> used = Collections.synchronizedMap(new LinkedHashMap<>());

    private Personalization(LyticsContext context, Preview preview) {
        this.context = context;
        this.preview = preview;
    }

    /**
     * The personalization of a request, created on first use (resolving the preview, which may add a
     * {@code Set-Cookie} to {@code response} if it is not committed yet).
     *
     * @param request  the request, never null
     * @param response its response, or null
     * @param settings preview settings, never null
     */
    public static Personalization of(HttpServletRequest request, HttpServletResponse response, PreviewSettings settings) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(settings, "settings");
        Object existing = request.getAttribute(ATTRIBUTE);
        if (existing instanceof Personalization p) {
            return p;
        }
        LyticsContext context = LyticsContext.of(request);
        // the bot and consent rules hold under preview too: a crawler or a visitor who refused gets no variant
        Preview preview = refused(context) ? null : new PreviewResolver(settings).resolve(request, response);
        Personalization p = new Personalization(context, preview);
        request.setAttribute(ATTRIBUTE, p);
        return p;
    }

    /** Whether the filter turned the request away as a bot's or one without consent. */
    private static boolean refused(LyticsContext context) {
        String reason = context.getReason();
        return LyticsContext.REASON_BOT.equals(reason) || LyticsContext.REASON_NO_CONSENT.equals(reason);
    }

    /**
     * A personalization of a context without preview (e.g. the profile endpoint).
     *
     * @param context the context, never null
     */
    public static Personalization of(LyticsContext context) {
        return new Personalization(Objects.requireNonNull(context, "context"), null);
    }

    /** The filter's context (without preview). */
    public LyticsContext context() {
        return context;
    }

    /** The preview in force, or null. */
    public Preview preview() {
        return preview;
    }

    /** Whether an editor's preview is in force. */
    public boolean previewing() {
        return preview != null;
    }

    /** Whether every branch of every condition is rendered, each marked ("show all variants"). */
    public boolean showAllVariants() {
        return preview != null && preview.showAll();
    }

    /** The visitor id, or null without consent / for bots. */
    public String visitorId() {
        return context.getVisitorId();
    }

    /** The page-view id ({@code _pvid}), empty when nothing is collected. */
    public String pageViewId() {
        return context.getPageViewId();
    }

    /** The outcome (forced by the preview when there is one). */
    public ProfileStatus status() {
        return preview != null ? preview.status() : context.getStatus();
    }

    /** The outcome as the bootstrap and templates name it: {@code known}, {@code new} or {@code unavailable}. */
    public String statusName() {
        return statusName(status());
    }

    /** {@code known}, {@code new} or {@code unavailable}. */
    public static String statusName(ProfileStatus status) {
        return switch (status) {
            case KNOWN -> "known";
            case NEW_VISITOR -> "new";
            case UNAVAILABLE -> "unavailable";
        };
    }

    /**
     * Parses a status name ({@code known}, {@code new}, {@code new_visitor}, {@code unavailable}).
     *
     * @throws IllegalArgumentException for another value (the message names it)
     */
    public static ProfileStatus parseStatus(String name) {
        return switch (name == null ? "" : name.strip().toLowerCase(Locale.ROOT)) {
            case "known" -> ProfileStatus.KNOWN;
            case "new", "new_visitor", "new-visitor" -> ProfileStatus.NEW_VISITOR;
            case "unavailable" -> ProfileStatus.UNAVAILABLE;
            default -> throw new IllegalArgumentException("status must be known, new or unavailable: '" + name + "'");
        };
    }

    /** The visitor's segment slugs (the forced ones under preview). */
    public List<String> segments() {
        return preview != null ? preview.segments() : context.getSegments();
    }

    /** Whether the visitor is in the segment. */
    public boolean inSegment(String slug) {
        return slug != null && segments().contains(slug.strip());
    }

    /**
     * Whether the condition holds for the visitor (ignores "show all variants": callers decide).
     *
     * @param condition the condition, never null
     */
    public boolean test(SegmentCondition condition) {
        return Objects.requireNonNull(condition, "condition").test(segments(), status() == ProfileStatus.UNAVAILABLE);
    }

    /**
     * A profile field as text, or null when absent (always null under a preview, which has no profile
     * values, and when the profile is not known).
     *
     * @param name field name; null gives null
     */
    public String field(String name) {
        if (preview != null) {
            return null;
        }
        return context.field(name);
    }

    /** The raw profile value of a field (string, number, boolean, list, map) or null; null under preview. */
    public Object rawField(String name) {
        if (preview != null || name == null) {
            return null;
        }
        return context.getFields().get(name);
    }

    /**
     * Up to {@code limit} safe recommendations (unsafe URLs dropped), fetched by the context against
     * the request's one deadline (see {@link LyticsContext#recommend(int, String)}) and remembered for
     * the bootstrap. Empty when none or unavailable, or under preview.
     *
     * @param limit          1..100 (clamped)
     * @param contentSegment a content segment restricting the documents, or null
     */
    public List<SafeRecommendation> recommendations(int limit, String contentSegment) {
        int n = Math.max(1, Math.min(MAX_RECOMMENDATIONS, limit));
        String seg = contentSegment == null || contentSegment.isBlank() ? null : contentSegment.strip();
        String key = n + "|" + (seg == null ? "" : seg);
        List<SafeRecommendation> known = used.get(key);
        if (known != null) {
            return known;
        }
        List<SafeRecommendation> result = preview != null ? List.of() : SafeRecommendations.of(context.recommend(n, seg));
        used.putIfAbsent(key, result);
        return used.get(key);
    }

    /**
     * The cached profile the page's segments and fields come from, for remembering what is derived
     * from it; null under a preview (its segments are forced) or when there is no profile.
     */
    public Entity profileEntity() {
        return preview != null ? null : context.entity().orElse(null);
    }

    /**
     * The page's only recommendation list, when it used exactly one (the same list instance for every
     * page that reads the same cached list); null when it used none or several.
     */
    public List<SafeRecommendation> onlyUsedList() {
        synchronized (used) {
            return used.size() == 1 ? used.values().iterator().next() : null;
        }
    }

    /** Every recommendation the page used so far, de-duplicated by URL, in order. */
    public List<SafeRecommendation> usedRecommendations() {
        List<SafeRecommendation> out = new ArrayList<>();
        synchronized (used) {
            for (List<SafeRecommendation> list : used.values()) {
                for (SafeRecommendation r : list) {
                    if (out.stream().noneMatch(o -> o.url().equals(r.url()))) {
                        out.add(r);
                    }
                }
            }
        }
        return out;
    }
}
