/**
 * Page-view forwarding: a bounded, lock-free queue filled by request threads and drained by one
 * daemon worker that posts JSON batches to the Lytics collection API.
 *
 * <p>Read it in this order: {@link io.lytx.servlet.internal.collect.CollectEvent} (what a request thread
 * builds: fields put in a builder, or an {@link io.lytx.servlet.internal.collect.EventFields} whose values
 * the worker works out when it writes the batch), {@link io.lytx.servlet.internal.collect.EventCollector}
 * (offer, flush, shutdown),
 * {@link io.lytx.servlet.internal.collect.CollectorSettings} (bounds and retry policy),
 * {@link io.lytx.servlet.internal.collect.CollectorMetrics} (what was sent, dropped, rejected, retried, failed).
 * Internally: {@code BoundedEventQueue} (count and byte bounds in one atomic word),
 * {@code CollectorWorker} (wake-up, linger, batch cutting), {@code JsonBatchWriter} (serialization,
 * on the worker only), {@code BatchSender} and {@code RetryPolicy} (retries, backoff, Retry-After).
 *
 * <p>Modelled on OpenTelemetry's {@code BatchSpanProcessor} (bounded queue, one daemon worker, drops
 * counted, flush and shutdown with a caller-chosen deadline), avoiding the faults of Segment's
 * {@code analytics-java} (unbounded queue by default, serialization on the caller's thread).
 */
package io.lytx.servlet.internal.collect;
