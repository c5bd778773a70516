package io.lytx.servlet;

import io.lytx.client.content.Recommendation;
import io.lytx.client.entity.Entity;
import io.lytx.client.entity.ProfileFields;
import io.lytx.servlet.internal.preview.SegmentCondition;
import io.lytx.servlet.internal.profile.Deadline;
import io.lytx.servlet.internal.profile.ProfileResult;
import io.lytx.servlet.internal.profile.Recommender;
import io.lytx.servlet.internal.runtime.ServletAccess;
import jakarta.servlet.ServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the page knows about its visitor: stored as the request attribute {@value #ATTRIBUTE} by
 * {@link LyticsFilter}, and reachable from code with {@link #of(ServletRequest)}.
 *
 * <p>Reads naturally in JSP EL and Thymeleaf: {@code ${lytics.status}}, {@code ${lytics.known}},
 * {@code ${lytics.inSegment('vip')}}, {@code ${lytics.inAnySegment('vip, gold')}},
 * {@code ${lytics.field('first_name')}}, {@code ${lytics.fields.city}},
 * {@code ${lytics.recommendations}}, {@code ${lytics.recommend(3)}}, {@code ${lytics.pageViewId}}.
 *
 * <p>The profile lookup was started by the filter before the page ran; the first accessor that needs
 * the profile waits for it, at most until the request's budget is spent (plus a small grace), and
 * then answers {@link ProfileStatus#UNAVAILABLE} rather than waiting longer. Recommendations (by
 * content segment too) are fetched lazily on first use (or eagerly on configured paths), against the
 * same deadline: every lookup of a request shares it, so a page never waits more than the budget plus
 * one small grace in all; the empty list means "none or unavailable". No accessor ever throws
 * because Lytics is slow, down or answering garbage.
 *
 * <p>Every profile value is visitor-controlled input: escape it for the context it is written to.
 *
 * <p>Thread-safe: accessors may be called from async request threads; results are memoized.
 */
public final class LyticsContext {

    /** Name of the request attribute holding the context. */
    public static final String ATTRIBUTE = "lytics";

    /**
     * Extra wait beyond the request's deadline, covering scheduling jitter of the completing thread:
     * the only grace of the request path, so a page waits for Lytics at most the budget plus this.
     */
    static final Duration GRACE = Duration.ofMillis(25);

    /** Most recommendations a page may ask for. */
    public static final int MAX_RECOMMENDATIONS = 100;

    /** {@link #getReason()} of a request from a bot. */
    public static final String REASON_BOT = "bot";
    /** {@link #getReason()} of a request without consent. */
    public static final String REASON_NO_CONSENT = "no consent";

    static {
        ServletAccess.installContexts(LyticsContext::started);
    }

    private static final LyticsContext INACTIVE = inactive("not handled");

    private final Identity identity;
    private final String pageViewId;
    private final String reason;
    private final CompletableFuture<ProfileResult> pending;
    private final Deadline deadline;
    private final Recommender recommender;
    private final int defaultLimit;
    /**
     * Recommendation lookups by limit and content segment; made on first use (most pages ask for
     * none), guarded by {@code this}.
     */
    private Map<RecommendationAsk, CompletableFuture<List<Recommendation>>> recommendations;
    private volatile ProfileResult result;

    private LyticsContext(Identity identity, String pageViewId, String reason,
                          CompletableFuture<ProfileResult> pending, Deadline deadline, Recommender recommender,
                          int defaultLimit) {
        this.identity = identity;
        this.pageViewId = pageViewId;
        this.reason = reason;
        this.pending = pending;
        this.deadline = deadline;
        this.recommender = recommender;
        this.defaultLimit = defaultLimit;
    }

    /**
     * A context for a handled request whose profile lookup is under way.
     *
     * @param identity     the visitor's identity, never null
     * @param pageViewId   the page-view id ({@code _pvid}), never null
     * @param profile      the lookup started by the filter; completes within the deadline, never exceptionally
     * @param deadline     the request's budget, never null
     * @param recommender  fetches recommendations on demand, never null
     * @param defaultLimit number of recommendations of {@link #getRecommendations()}, 1..100
     * @throws NullPointerException if an argument is null (the message names it)
     */
    static LyticsContext started(Identity identity, String pageViewId, CompletableFuture<ProfileResult> profile,
                                        Deadline deadline, Recommender recommender, int defaultLimit) {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(pageViewId, "pageViewId");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(recommender, "recommender");
        if (defaultLimit < 1 || defaultLimit > MAX_RECOMMENDATIONS) {
            throw new IllegalArgumentException("defaultLimit must be within 1..100: " + defaultLimit);
        }
        return new LyticsContext(identity, pageViewId, null, profile, deadline, recommender, defaultLimit);
    }

    /**
     * A context that knows nothing and asks nothing ({@link ProfileStatus#UNAVAILABLE}): a bot, no
     * consent, plugin disabled.
     *
     * @param reason short explanation, e.g. {@code "bot"}, {@code "no consent"}, {@code "disabled"}; never null
     */
    public static LyticsContext inactive(String reason) {
        Objects.requireNonNull(reason, "reason");
        LyticsContext context = new LyticsContext(Identity.anonymous(), "", reason, null, null, Recommender.NONE, 1);
        context.result = ProfileResult.unavailable(reason);
        return context;
    }

    /**
     * The context of {@code request}; a shared inactive context (status UNAVAILABLE, reason
     * {@code "not handled"}) when the filter did not handle it. Never null.
     *
     * @throws NullPointerException if {@code request} is null
     */
    public static LyticsContext of(ServletRequest request) {
        Objects.requireNonNull(request, "request");
        Object value = request.getAttribute(ATTRIBUTE);
        return value instanceof LyticsContext context ? context : INACTIVE;
    }

    // ---------------------------------------------------------------- identity

    /** The identity of the visitor (known user value included): for server code, not for pages. */
    public Identity identity() {
        return identity;
    }

    /** The {@code seerid} visitor id, or null without consent / for bots. */
    public String getVisitorId() {
        return identity.visitorId();
    }

    /** Whether the visitor id was minted on this request (first visit or replaced cookie). */
    public boolean isNewCookie() {
        return identity.minted();
    }

    /** Whether the visitor is a logged-in user known to the application. */
    public boolean isKnownUser() {
        return identity.known();
    }

    /** The page-view id sent as {@code _pvid} with this page's event; empty when nothing is collected. */
    public String getPageViewId() {
        return pageViewId;
    }

    /** Whether the plugin handled this request (identity resolved, profile asked). */
    public boolean isActive() {
        return pending != null;
    }

    // ---------------------------------------------------------------- profile

    /**
     * The outcome of the profile lookup, waiting for it at most until the budget is spent.
     * Never null, never throws.
     */
    ProfileResult profileResult() {
        ProfileResult r = result;
        if (r != null) {
            return r;
        }
        r = await(pending, ProfileResult.unavailable("budget exceeded"));
        result = r;
        return r;
    }

    /** {@link ProfileStatus#KNOWN}, {@link ProfileStatus#NEW_VISITOR} or {@link ProfileStatus#UNAVAILABLE}. */
    public ProfileStatus getStatus() {
        return profileResult().status();
    }

    /** Why the status is what it is ({@code "found"}, {@code "not found"}, {@code "timeout"}, {@code "bot"}...). */
    public String getReason() {
        return reason != null ? reason : profileResult().reason();
    }

    /** Whether Lytics has a profile for the visitor. */
    public boolean isKnown() {
        return getStatus() == ProfileStatus.KNOWN;
    }

    /** Whether Lytics answered that it does not know the visitor yet. */
    public boolean isNewVisitor() {
        return getStatus() == ProfileStatus.NEW_VISITOR;
    }

    /** Whether Lytics could not be asked or did not answer in time: templates should fall back. */
    public boolean isUnavailable() {
        return getStatus() == ProfileStatus.UNAVAILABLE;
    }

    /** The profile, when known. */
    public Optional<Entity> entity() {
        return Optional.ofNullable(profileResult().entity());
    }

    private ProfileFields profileFields() {
        Entity entity = profileResult().entity();
        return entity == null ? ProfileFields.empty() : entity.fields();
    }

    /** Every profile field as an unmodifiable map ({@code ${lytics.fields.city}}); empty unless known. */
    public Map<String, Object> getFields() {
        return profileFields().asMap();
    }

    /**
     * A field as text (numbers and booleans in their usual text form), or null when absent.
     *
     * @param name field name; null gives null
     */
    public String field(String name) {
        if (name == null) {
            return null;
        }
        return profileFields().string(name).orElse(null);
    }

    /** Whether the profile has the field. */
    public boolean hasField(String name) {
        return name != null && profileFields().has(name);
    }

    /** A field as a whole number (tolerating Lytics' string-encoded numbers), or null. */
    public Long fieldLong(String name) {
        if (name == null) {
            return null;
        }
        OptionalLong v = profileFields().longValue(name);
        return v.isPresent() ? v.getAsLong() : null;
    }

    /** A field as a number (tolerating string-encoded numbers), or null. */
    public Double fieldNumber(String name) {
        if (name == null) {
            return null;
        }
        OptionalDouble v = profileFields().number(name);
        return v.isPresent() ? v.getAsDouble() : null;
    }

    /** A field as a boolean ({@code true/false/"t"/"f"/"1"/"0"}), or null. */
    public Boolean fieldBool(String name) {
        return name == null ? null : profileFields().bool(name).orElse(null);
    }

    /** A field as an instant (ISO text or epoch milliseconds), or null. */
    public Instant fieldInstant(String name) {
        return name == null ? null : profileFields().instant(name).orElse(null);
    }

    /** A field as a list of strings (a single value gives a one-element list); empty when absent. */
    public List<String> fieldList(String name) {
        return name == null ? List.of() : profileFields().strings(name);
    }

    // ---------------------------------------------------------------- segments

    /** The visitor's public segment slugs; empty unless the profile is known. */
    public List<String> getSegments() {
        Entity entity = profileResult().entity();
        return entity == null ? List.of() : entity.segments();
    }

    /**
     * Whether the visitor is in the segment.
     *
     * @param slug segment slug; null or blank gives false
     */
    public boolean inSegment(String slug) {
        if (slug == null || slug.isBlank()) {
            return false;
        }
        return getSegments().contains(slug.strip());
    }

    /** Whether the visitor is in at least one of the comma- or space-separated slugs (EL friendly). */
    public boolean inAnySegment(String slugs) {
        return inAny(split(slugs));
    }

    /** Whether the visitor is in every one of the comma- or space-separated slugs; false for an empty list. */
    public boolean inAllSegments(String slugs) {
        return inAll(split(slugs));
    }

    /**
     * Whether the visitor is in none of the comma- or space-separated slugs. Only true when the
     * profile was actually answered: an unavailable profile proves nothing, so this is then false.
     */
    public boolean inNoSegment(String slugs) {
        return inNone(split(slugs));
    }

    /** Whether the visitor is in at least one of {@code slugs}. */
    public boolean inAny(Collection<String> slugs) {
        List<String> mine = getSegments();
        for (String s : slugs) {
            if (s != null && mine.contains(s)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the visitor is in all of {@code slugs}; false for an empty collection. */
    public boolean inAll(Collection<String> slugs) {
        if (slugs.isEmpty()) {
            return false;
        }
        return getSegments().containsAll(slugs);
    }

    /** Whether the visitor is in none of {@code slugs}; false when the profile is unavailable. */
    public boolean inNone(Collection<String> slugs) {
        return !isUnavailable() && !inAny(slugs);
    }

    private static List<String> split(String slugs) {
        return slugs == null || slugs.isBlank() ? List.of() : SegmentCondition.split(slugs);
    }

    // ---------------------------------------------------------------- recommendations

    /** Up to the configured default number of recommendations; empty when none or unavailable. */
    public List<Recommendation> getRecommendations() {
        return recommend(defaultLimit);
    }

    /**
     * Up to {@code limit} recommendations (clamped to 1..100), fetched on first use within what is
     * left of the budget; empty when none or unavailable. Never throws.
     */
    public List<Recommendation> recommend(int limit) {
        return recommend(limit, null);
    }

    /**
     * Up to {@code limit} recommendations (clamped to 1..100) from a content segment, fetched on first
     * use within what is left of the request's budget (the deadline the profile lookup has too); empty
     * when none or unavailable. Never throws.
     *
     * @param limit          number of recommendations, clamped to 1..100
     * @param contentSegment a content segment restricting the documents; null or blank for any document
     */
    public List<Recommendation> recommend(int limit, String contentSegment) {
        CompletableFuture<List<Recommendation>> future = startRecommendations(limit, contentSegment);
        return future == null ? List.of() : await(future, List.of());
    }

    /**
     * Starts fetching recommendations without waiting (used for eager paths). Returns null when
     * this context cannot fetch any.
     */
    CompletableFuture<List<Recommendation>> startRecommendations(int limit) {
        return startRecommendations(limit, null);
    }

    private CompletableFuture<List<Recommendation>> startRecommendations(int limit, String contentSegment) {
        if (pending == null) {
            return null;
        }
        RecommendationAsk ask = new RecommendationAsk(Math.max(1, Math.min(MAX_RECOMMENDATIONS, limit)),
                contentSegment == null || contentSegment.isBlank() ? null : contentSegment.strip());
        synchronized (this) {
            if (recommendations == null) {
                recommendations = new HashMap<>();
            }
            return recommendations.computeIfAbsent(ask,
                    a -> recommender.recommend(a.limit(), a.contentSegment(), deadline));
        }
    }

    /** One recommendation lookup of the page: its clamped limit and content segment (null for any). */
    private record RecommendationAsk(int limit, String contentSegment) {
    }

    private <T> T await(CompletableFuture<T> future, T onTimeout) {
        if (future == null) {
            return onTimeout;
        }
        if (future.isDone()) {
            return future.getNow(onTimeout);
        }
        long waitNanos = deadline.remainingNanos() + GRACE.toNanos();
        try {
            return future.get(waitNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return onTimeout;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return onTimeout;
        }
    }

    @Override
    public String toString() {
        ProfileResult r = result;
        return "LyticsContext[visitorId=" + identity.visitorId() + ", pageViewId=" + getPageViewId()
                + ", status=" + (r == null ? "pending" : r.status()) + ']';
    }
}
