package io.lytx.servlet.internal.collect;

/** How the sending of one batch ended. */
enum BatchOutcome {
    /** Lytics accepted the batch (some events may still be counted as rejected in its answer). */
    SENT,
    /** Lytics refused the batch with a final 4xx; retrying would not help. */
    REJECTED,
    /** Retries ran out (time, deadline or shutdown), or the failure was not retryable and not an answer. */
    FAILED
}
