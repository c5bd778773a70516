package io.lytx.servlet.internal.profile;

import io.lytx.servlet.ProfileStatus;
import io.lytx.servlet.config.ConfigKey;
import io.lytx.servlet.config.LyticsConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of the {@link ProfileService}: cache lifetimes and size, the per-request budget and the
 * circuit breaker. Immutable; validated on construction; {@code with...} methods return copies.
 *
 * <p>The breaker is tuned to the render budget rather than to resilience4j's defaults (60 s slow
 * calls, 100 calls before it may trip): a small count-based window, a low minimum number of calls,
 * a slow-call threshold just under the budget, a short open state and a few half-open probes.
 *
 * @param ttl                   hard expiry of a known profile (default 60 s)
 * @param refreshAfter          age after which a read triggers a background refresh while the cached
 *                              profile keeps being served (default 30 s); must be shorter than {@code ttl}
 * @param negativeTtl           how long a {@link ProfileStatus#NEW_VISITOR} answer is cached (default 10 s)
 * @param maxEntries            bound of each cache, in entries (default 10,000)
 * @param budget                per-request budget, and the timeout of each upstream call, which cuts
 *                              the HTTP call itself (default 150 ms)
 * @param recommendationLimit   number of recommendations asked for when the query sets none (default
 *                              {@value io.lytx.servlet.config.ConfigKey#DEFAULT_RECOMMENDATIONS_LIMIT})
 * @param recommendationTtl     how long recommendations are cached (default 30 s)
 * @param breakerWindow         size of the breaker's count-based sliding window, in calls (default 10)
 * @param breakerMinimumCalls   calls needed in the window before the breaker may open (default 5)
 * @param failureThresholdPercent failure (including timeout) rate in percent that opens the breaker (default 50)
 * @param slowCallThreshold     a call slower than this counts as slow (default 120 ms, just under the budget)
 * @param slowCallRatePercent   slow-call rate in percent that opens the breaker (default 80)
 * @param openFor               how long the breaker stays open before letting probes through (default 5 s)
 * @param halfOpenProbes        calls let through while half-open to decide whether to close (default 2)
 */
public record ProfileSettings(
        Duration ttl,
        Duration refreshAfter,
        Duration negativeTtl,
        long maxEntries,
        Duration budget,
        int recommendationLimit,
        Duration recommendationTtl,
        int breakerWindow,
        int breakerMinimumCalls,
        int failureThresholdPercent,
        Duration slowCallThreshold,
        int slowCallRatePercent,
        Duration openFor,
        int halfOpenProbes) {

    private static final ProfileSettings DEFAULTS = new ProfileSettings(
            Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(10), 10_000,
            Duration.ofMillis(150), ConfigKey.DEFAULT_RECOMMENDATIONS_LIMIT, Duration.ofSeconds(30),
            10, 5, 50, Duration.ofMillis(120), 80, Duration.ofSeconds(5), 2);

    /**
     * Validates every component.
     *
     * @throws NullPointerException     if a duration is null (the message names it)
     * @throws IllegalArgumentException if a value is out of range (the message names it and the value)
     */
    public ProfileSettings {
        positive(ttl, "ttl");
        positive(refreshAfter, "refreshAfter");
        positive(negativeTtl, "negativeTtl");
        positive(budget, "budget");
        positive(recommendationTtl, "recommendationTtl");
        positive(slowCallThreshold, "slowCallThreshold");
        positive(openFor, "openFor");
        if (refreshAfter.compareTo(ttl) >= 0) {
            throw new IllegalArgumentException(
                    "refreshAfter must be shorter than ttl: refreshAfter=" + refreshAfter + ", ttl=" + ttl);
        }
        atLeastOne(maxEntries, "maxEntries");
        atLeastOne(recommendationLimit, "recommendationLimit");
        atLeastOne(breakerWindow, "breakerWindow");
        atLeastOne(breakerMinimumCalls, "breakerMinimumCalls");
        atLeastOne(halfOpenProbes, "halfOpenProbes");
        percent(failureThresholdPercent, "failureThresholdPercent");
        percent(slowCallRatePercent, "slowCallRatePercent");
    }

    /**
     * The settings of a config, which has already read and validated every value: the defaults with
     * the config's budget (the slow-call threshold follows it), lifetimes, cache bound, breaker open
     * time and recommendation limit.
     *
     * @param config the plugin config, never null
     */
    public static ProfileSettings from(LyticsConfig config) {
        return defaults()
                .withBudget(config.budget())
                .withTtl(config.profileTtl())
                .withRefreshAfter(config.profileRefresh())
                .withNegativeTtl(config.profileNegativeTtl())
                .withMaxEntries(config.profileMaxEntries())
                .withOpenFor(config.breakerOpen())
                .withRecommendationLimit(config.recommendationLimit());
    }

    /** The defaults listed on the components: 60 s TTL, 150 ms budget, a breaker tuned to that budget. */
    public static ProfileSettings defaults() {
        return DEFAULTS;
    }

    /**
     * A copy with another hard TTL for known profiles. When the current refresh age is not shorter
     * than the new TTL it becomes half the TTL, so that copies can be made in any order; a later
     * {@link #withRefreshAfter} sets it explicitly (and is validated against the TTL).
     */
    public ProfileSettings withTtl(Duration value) {
        positive(value, "ttl");
        Duration refresh = refreshAfter.compareTo(value) < 0 ? refreshAfter : value.dividedBy(2);
        return new ProfileSettings(value, refresh.isZero() ? Duration.ofNanos(1) : refresh, negativeTtl, maxEntries,
                budget, recommendationLimit,
                recommendationTtl, breakerWindow, breakerMinimumCalls, failureThresholdPercent, slowCallThreshold,
                slowCallRatePercent, openFor, halfOpenProbes);
    }

    /** A copy with another refresh-ahead age. */
    public ProfileSettings withRefreshAfter(Duration value) {
        return new ProfileSettings(ttl, value, negativeTtl, maxEntries, budget, recommendationLimit,
                recommendationTtl, breakerWindow, breakerMinimumCalls, failureThresholdPercent, slowCallThreshold,
                slowCallRatePercent, openFor, halfOpenProbes);
    }

    /** A copy with another TTL for new-visitor (not found) answers. */
    public ProfileSettings withNegativeTtl(Duration value) {
        return new ProfileSettings(ttl, refreshAfter, value, maxEntries, budget, recommendationLimit,
                recommendationTtl, breakerWindow, breakerMinimumCalls, failureThresholdPercent, slowCallThreshold,
                slowCallRatePercent, openFor, halfOpenProbes);
    }

    /** A copy with another cache bound. */
    public ProfileSettings withMaxEntries(long value) {
        return new ProfileSettings(ttl, refreshAfter, negativeTtl, value, budget, recommendationLimit,
                recommendationTtl, breakerWindow, breakerMinimumCalls, failureThresholdPercent, slowCallThreshold,
                slowCallRatePercent, openFor, halfOpenProbes);
    }

    /**
     * A copy with another budget. The slow-call threshold follows it (80 % of the budget) so that the
     * breaker stays tuned to it; call {@link #withSlowCallThreshold} afterwards to override.
     */
    public ProfileSettings withBudget(Duration value) {
        positive(value, "budget");
        Duration slow = value.multipliedBy(4).dividedBy(5);
        return new ProfileSettings(ttl, refreshAfter, negativeTtl, maxEntries, value, recommendationLimit,
                recommendationTtl, breakerWindow, breakerMinimumCalls, failureThresholdPercent,
                slow.isZero() ? value : slow, slowCallRatePercent, openFor, halfOpenProbes);
    }

    /** A copy with another default number of recommendations. */
    public ProfileSettings withRecommendationLimit(int value) {
        return new ProfileSettings(ttl, refreshAfter, negativeTtl, maxEntries, budget, value,
                recommendationTtl, breakerWindow, breakerMinimumCalls, failureThresholdPercent, slowCallThreshold,
                slowCallRatePercent, openFor, halfOpenProbes);
    }

    /** A copy with another recommendations TTL. */
    public ProfileSettings withRecommendationTtl(Duration value) {
        return new ProfileSettings(ttl, refreshAfter, negativeTtl, maxEntries, budget, recommendationLimit,
                value, breakerWindow, breakerMinimumCalls, failureThresholdPercent, slowCallThreshold,
                slowCallRatePercent, openFor, halfOpenProbes);
    }

    /** A copy with another breaker window and minimum number of calls. */
    public ProfileSettings withBreakerWindow(int window, int minimumCalls) {
        return new ProfileSettings(ttl, refreshAfter, negativeTtl, maxEntries, budget, recommendationLimit,
                recommendationTtl, window, minimumCalls, failureThresholdPercent, slowCallThreshold,
                slowCallRatePercent, openFor, halfOpenProbes);
    }

    /** A copy with another failure-rate threshold, in percent. */
    public ProfileSettings withFailureThresholdPercent(int value) {
        return new ProfileSettings(ttl, refreshAfter, negativeTtl, maxEntries, budget, recommendationLimit,
                recommendationTtl, breakerWindow, breakerMinimumCalls, value, slowCallThreshold,
                slowCallRatePercent, openFor, halfOpenProbes);
    }

    /** A copy with another slow-call threshold. */
    public ProfileSettings withSlowCallThreshold(Duration value) {
        return new ProfileSettings(ttl, refreshAfter, negativeTtl, maxEntries, budget, recommendationLimit,
                recommendationTtl, breakerWindow, breakerMinimumCalls, failureThresholdPercent, value,
                slowCallRatePercent, openFor, halfOpenProbes);
    }

    /** A copy with another slow-call rate threshold, in percent. */
    public ProfileSettings withSlowCallRatePercent(int value) {
        return new ProfileSettings(ttl, refreshAfter, negativeTtl, maxEntries, budget, recommendationLimit,
                recommendationTtl, breakerWindow, breakerMinimumCalls, failureThresholdPercent, slowCallThreshold,
                value, openFor, halfOpenProbes);
    }

    /** A copy with another open-state duration. */
    public ProfileSettings withOpenFor(Duration value) {
        return new ProfileSettings(ttl, refreshAfter, negativeTtl, maxEntries, budget, recommendationLimit,
                recommendationTtl, breakerWindow, breakerMinimumCalls, failureThresholdPercent, slowCallThreshold,
                slowCallRatePercent, value, halfOpenProbes);
    }

    /** A copy with another number of half-open probes. */
    public ProfileSettings withHalfOpenProbes(int value) {
        return new ProfileSettings(ttl, refreshAfter, negativeTtl, maxEntries, budget, recommendationLimit,
                recommendationTtl, breakerWindow, breakerMinimumCalls, failureThresholdPercent, slowCallThreshold,
                slowCallRatePercent, openFor, value);
    }

    private static void positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }

    private static void atLeastOne(long value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1: " + value);
        }
    }

    private static void percent(int value, String name) {
        if (value < 1 || value > 100) {
            throw new IllegalArgumentException(name + " must be within 1..100: " + value);
        }
    }
}
