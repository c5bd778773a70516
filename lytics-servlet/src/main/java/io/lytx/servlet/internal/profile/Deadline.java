package io.lytx.servlet.internal.profile;

import java.time.Duration;
import java.util.Objects;

/**
 * A point in time by which a request wants its answer, measured on the monotonic
 * {@link System#nanoTime()} clock (never affected by wall-clock changes).
 *
 * <p>Immutable and thread-safe: one deadline can be shared by the profile and the recommendations
 * lookups of a request, so that both together stay within one budget.
 */
public final class Deadline {

    private final long deadlineNanos;

    private Deadline(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
    }

    /**
     * A deadline {@code budget} from now.
     *
     * @param budget how long from now; zero gives an already expired deadline
     * @throws NullPointerException     if {@code budget} is null
     * @throws IllegalArgumentException if {@code budget} is negative
     */
    public static Deadline after(Duration budget) {
        Objects.requireNonNull(budget, "budget");
        if (budget.isNegative()) {
            throw new IllegalArgumentException("budget must not be negative: " + budget);
        }
        long nanos;
        try {
            nanos = budget.toNanos();
        } catch (ArithmeticException tooLong) {
            nanos = Long.MAX_VALUE / 2;
        }
        return new Deadline(System.nanoTime() + Math.min(nanos, Long.MAX_VALUE / 2));
    }

    /** The time left, {@link Duration#ZERO} once expired; never negative. */
    public Duration remaining() {
        return Duration.ofNanos(remainingNanos());
    }

    /** The time left in nanoseconds, 0 once expired; never negative. Allocation-free. */
    public long remainingNanos() {
        long left = deadlineNanos - System.nanoTime();
        return left > 0 ? left : 0;
    }

    /** Whether no time is left. */
    public boolean expired() {
        return deadlineNanos - System.nanoTime() <= 0;
    }

    @Override
    public String toString() {
        return "Deadline[remaining=" + remaining() + ']';
    }
}
