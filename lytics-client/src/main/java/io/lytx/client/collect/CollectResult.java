package io.lytx.client.collect;

/**
 * What Lytics counted for one collection call.
 *
 * <p>Immutable and thread-safe.
 *
 * @param messageCount  events accepted
 * @param rejectedCount events rejected
 * @param dryRun        whether it was a dry run (counted, not stored)
 */
public record CollectResult(long messageCount, long rejectedCount, boolean dryRun) {
}
