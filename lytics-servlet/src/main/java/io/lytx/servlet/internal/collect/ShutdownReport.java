package io.lytx.servlet.internal.collect;

import java.time.Duration;

/**
 * What {@link EventCollector#shutdown(Duration)} achieved. Immutable.
 *
 * @param flushedInTime  true if every event queued before the shutdown was handed to Lytics (sent or
 *                       definitively rejected) within the deadline
 * @param unsent         events that were queued or in flight when shutdown began and were not
 *                       delivered: given up at the deadline, or failed while flushing
 * @param workerStopped  true if the worker thread has terminated (it was joined); false only if an
 *                       HTTP call outlived the deadline plus {@link CollectorSettings#stopTimeout()}
 * @param elapsed        how long the shutdown took
 */
public record ShutdownReport(boolean flushedInTime, long unsent, boolean workerStopped, Duration elapsed) {
}
