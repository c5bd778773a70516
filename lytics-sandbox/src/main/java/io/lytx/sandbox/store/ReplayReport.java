package io.lytx.sandbox.store;

/**
 * The outcome of a journal replay.
 *
 * <p>Immutable and thread-safe.
 *
 * @param applied        records re-applied through a handler
 * @param skipped        intact records that had no handler, or whose handler failed
 * @param discardedBytes bytes of a torn or corrupt tail cut off the log (0 when the log was intact)
 */
public record ReplayReport(long applied, long skipped, long discardedBytes) {

    /** The report of a journal with nothing to replay. */
    public static final ReplayReport EMPTY = new ReplayReport(0, 0, 0);
}
