package io.lytx.client.internal;

import io.lytx.client.error.LyticsTimeoutException;
import jakarta.ws.rs.core.Response;

/**
 * What one call shares between the caller's thread, the deadline timer and the connector's closing
 * strategy: whether the body was read to its end (otherwise the connection is discarded, not
 * drained), whether the call was aborted, and its deadline. Thread-safe.
 */
final class CallState {

    /** Request property under which the connector's closing strategy finds this state. */
    static final String PROPERTY = "io.lytx.client.callState";

    private final long deadlineNanos;
    private final boolean hasDeadline;
    private volatile boolean fullyRead;
    private volatile boolean aborted;
    private volatile Response response;

    private CallState(long deadlineNanos, boolean hasDeadline) {
        this.deadlineNanos = deadlineNanos;
        this.hasDeadline = hasDeadline;
    }

    /** @return the state of a call with no overall deadline (socket timeouts only) */
    static CallState unbounded() {
        return new CallState(0, false);
    }

    /**
     * @param deadlineNanos the {@link System#nanoTime()} by which the call must end
     * @return the state of a call with that deadline
     */
    static CallState until(long deadlineNanos) {
        return new CallState(deadlineNanos, true);
    }

    /** Marks the body as consumed to its end, so the connection may go back to the pool. */
    void markFullyRead() {
        fullyRead = true;
    }

    /** @return whether the body was consumed to its end */
    boolean fullyRead() {
        return fullyRead;
    }

    /** @return whether the call was aborted (deadline passed or caller cancelled) */
    boolean aborted() {
        return aborted;
    }

    void attach(Response r) {
        this.response = r;
        if (aborted) {
            r.close();
        }
    }

    /**
     * Aborts the call: a response already under way is closed, which discards its connection so a
     * blocked read ends at once; a call not yet started will not start.
     */
    void abort() {
        aborted = true;
        Response r = response;
        if (r != null) {
            try {
                r.close();
            } catch (RuntimeException ignored) {
                // closing races with the reading thread; the reader then fails, which is the goal
            }
        }
    }

    /**
     * @param operation the operation, for the message
     * @throws LyticsTimeoutException when aborted or past the deadline
     */
    void check(String operation) {
        if (aborted || hasDeadline && System.nanoTime() - deadlineNanos > 0) {
            throw new LyticsTimeoutException(operation + " passed its deadline", null);
        }
    }
}
