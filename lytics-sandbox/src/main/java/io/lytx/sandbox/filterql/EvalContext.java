package io.lytx.sandbox.filterql;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;

/**
 * What an {@link Expr} needs from its surroundings while it evaluates a profile: the current time
 * (for date math such as {@code "now-7d"}) and the membership of other segments (for
 * {@code INCLUDE}).
 *
 * <p>Implementations must be safe to call from the thread that evaluates; an expression calls
 * {@link #now()} at most once per date-math literal per evaluation and never caches the result
 * across evaluations, so membership moves with time.
 */
public interface EvalContext {

    /**
     * The instant that {@code now} means in date math.
     *
     * @return the current instant, never null
     */
    Instant now();

    /**
     * Whether {@code profile} is a member of the segment {@code segmentSlug}; used by
     * {@code INCLUDE segmentSlug}. Guarding against include cycles is the caller's job.
     *
     * @param segmentSlug the slug named by {@code INCLUDE}, never null
     * @param profile     the profile being evaluated, never null
     * @return true when the profile is in that segment; false for an unknown segment
     */
    boolean isMember(String segmentSlug, Map<String, Object> profile);

    /**
     * A context reading {@code clock} at every {@link #now()} and delegating membership to
     * {@code membership}. The result is as thread-safe as its two arguments.
     *
     * @param clock      the clock for date math, not null
     * @param membership answers {@code (slug, profile) -> member?}, not null
     * @return a new context, never null
     * @throws NullPointerException naming the null argument
     */
    static EvalContext of(Clock clock, BiPredicate<String, Map<String, Object>> membership) {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(membership, "membership");
        return new EvalContext() {
            @Override
            public Instant now() {
                return clock.instant();
            }

            @Override
            public boolean isMember(String segmentSlug, Map<String, Object> profile) {
                return membership.test(segmentSlug, profile);
            }
        };
    }
}
