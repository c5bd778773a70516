/**
 * Visitor profiles and recommendations from Lytics, inside a per-request time budget.
 *
 * <p>{@link io.lytx.servlet.internal.profile.ProfileService} is the entry point: a Caffeine async cache keyed
 * by {@link io.lytx.servlet.internal.profile.LookupKey} (hard TTL, refresh ahead of expiry, short negative
 * cache for new visitors, failures never cached), one shared upstream call per key (single flight),
 * a {@link io.lytx.servlet.internal.profile.Deadline} per request enforced both on the HTTP call (the client
 * cuts it) and on each waiting caller (who never cancels the shared call), and a resilience4j circuit
 * breaker tuned to the budget. Every lookup ends in an explicit
 * {@link io.lytx.servlet.ProfileStatus}: known, new visitor, or unavailable with a reason.
 *
 * <p>Internals: {@code ProfileLoader} and {@code RecommendationLoader} (one upstream call per load),
 * {@code UpstreamBreaker} (the breaker and its one-line-per-change logging), {@code BudgetTimer}
 * (per-caller timeouts on one owned daemon thread), {@code CacheEntry}/{@code EntryExpiry} (entries
 * that carry their own expiry), {@code Outcomes} (failure to reason), {@code ProfileCounters}.
 */
package io.lytx.servlet.internal.profile;

import io.lytx.servlet.ProfileStatus;
