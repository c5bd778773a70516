package io.lytx.sandbox.segment;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The ad-hoc segment-size throttle: one call per window (Lytics allows one call per 10 seconds).
 * Thread-safe.
 */
public final class SizeThrottle {

    private final Clock clock;
    private final long windowMs;
    private long nextAllowedMs = Long.MIN_VALUE;

    /**
     * A throttle.
     *
     * @param clock  the clock; not null
     * @param window the window; positive
     */
    public SizeThrottle(Clock clock, Duration window) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("window must be positive, was " + window);
        }
        this.windowMs = window.toMillis();
    }

    /**
     * Takes the call slot if it is free.
     *
     * @return empty when the call may proceed; otherwise the whole seconds to wait (at least 1)
     */
    public synchronized OptionalLong tryAcquire() {
        long now = clock.millis();
        if (now >= nextAllowedMs) {
            nextAllowedMs = now + windowMs;
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, (nextAllowedMs - now + 999) / 1000));
    }

    /** Frees the slot (for a sandbox reset). */
    public synchronized void reset() {
        nextAllowedMs = Long.MIN_VALUE;
    }
}
