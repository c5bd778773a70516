package io.lytx.servlet.collect;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Tuning of an {@link EventCollector}: where events go, how much may wait, how batches are cut and
 * how failed batches are retried. Immutable; validated on construction; {@code with...} methods
 * return validated copies.
 *
 * @param stream         Lytics stream the events are posted to ({@code /collect/json/{stream}}); letters,
 *                       digits, {@code _ . -}, at most 100 characters (default {@code default})
 * @param maxQueueEvents bound of the queue in events (default 10,000; at most 16,777,215)
 * @param maxQueueBytes  bound of the queue in estimated bytes, see {@link CollectEvent#estimatedBytes()}
 *                       (default 16 MiB)
 * @param maxBatchEvents most events in one POST (default 500)
 * @param maxBatchBytes  most bytes of JSON in one POST (default 1 MiB, at most 9 MiB: Lytics takes
 *                       requests under 10 MB); an event alone larger than this is still sent, alone
 * @param linger         longest time a queued event waits for its batch to fill before it is sent
 *                       (default 1 s)
 * @param maxRetryTime   total time one batch may spend being retried before it is given up and
 *                       counted as failed (default 60 s, so that a capped {@code Retry-After} fits;
 *                       zero = never retry). A retry whose wait would end past this bound is not made.
 * @param initialBackoff upper bound of the first retry delay; the bound doubles on every retry and the
 *                       actual delay is drawn uniformly below it ("full jitter") (default 250 ms)
 * @param maxBackoff     cap of the doubling bound above (default 10 s)
 * @param maxRetryAfter  cap applied to a server's {@code Retry-After} (default 30 s)
 * @param stopTimeout    during shutdown, how long to wait after the flush deadline for an HTTP call
 *                       already in flight (which cannot be interrupted; the client's read timeout
 *                       bounds it) before giving up on joining the worker (default 10 s)
 * @param relayedSharePercent percent of both queue bounds that {@linkplain CollectEvent#relayed() relayed}
 *                       (browser) events may fill, 1..100 (default 100; the servlet sets 20)
 * @param spoolDir       directory where events still unsent when shutdown gives up are written, and
 *                       sent from by the next collector using it; null = off
 *                       (the default): they are lost
 * @param spoolMaxBytes  most bytes written to the spool at one shutdown, and read from the spool at
 *                       construction, over all its files (default 16 MiB)
 */
public record CollectorSettings(
        String stream,
        int maxQueueEvents,
        long maxQueueBytes,
        int maxBatchEvents,
        long maxBatchBytes,
        Duration linger,
        Duration maxRetryTime,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration maxRetryAfter,
        Duration stopTimeout,
        int relayedSharePercent,
        Path spoolDir,
        long spoolMaxBytes) {

    /** Largest {@code maxQueueEvents}: the queue packs its count into 24 bits. */
    public static final int MAX_QUEUE_EVENTS_LIMIT = (1 << 24) - 1;
    /** Largest {@code maxQueueBytes}: the queue packs its byte count into 39 bits. */
    public static final long MAX_QUEUE_BYTES_LIMIT = (1L << 38);
    /** Largest {@code maxBatchBytes} (Lytics accepts requests under 10 MB). */
    public static final long MAX_BATCH_BYTES_LIMIT = 9L * 1024 * 1024;

    private static final Pattern STREAM = Pattern.compile("[A-Za-z0-9_.\\-]{1,100}");

    private static final CollectorSettings DEFAULTS = new CollectorSettings(
            "default", 10_000, 16L * 1024 * 1024, 500, 1024L * 1024, Duration.ofSeconds(1),
            Duration.ofSeconds(60), Duration.ofMillis(250), Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofSeconds(10), 100, null, 16L * 1024 * 1024);

    /**
     * Validates every component.
     *
     * @throws NullPointerException     if a component is null (the message names it)
     * @throws IllegalArgumentException if a value is out of range (the message names it and the value)
     */
    public CollectorSettings {
        Objects.requireNonNull(stream, "stream");
        if (!STREAM.matcher(stream).matches()) {
            throw new IllegalArgumentException(
                    "stream must be 1-100 letters, digits, '_', '.' or '-', was: \"" + stream + "\"");
        }
        range("maxQueueEvents", maxQueueEvents, 1, MAX_QUEUE_EVENTS_LIMIT);
        range("maxQueueBytes", maxQueueBytes, 1, MAX_QUEUE_BYTES_LIMIT);
        range("maxBatchEvents", maxBatchEvents, 1, MAX_QUEUE_EVENTS_LIMIT);
        range("maxBatchBytes", maxBatchBytes, 2, MAX_BATCH_BYTES_LIMIT);
        positive("linger", linger);
        notNegative("maxRetryTime", maxRetryTime);
        positive("initialBackoff", initialBackoff);
        positive("maxBackoff", maxBackoff);
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff (" + maxBackoff + ") must not be shorter than initialBackoff ("
                    + initialBackoff + ")");
        }
        notNegative("maxRetryAfter", maxRetryAfter);
        notNegative("stopTimeout", stopTimeout);
        range("relayedSharePercent", relayedSharePercent, 1, 100);
        if (spoolDir != null && !spoolDir.isAbsolute()) {
            throw new IllegalArgumentException("spoolDir must be an absolute path, was: " + spoolDir);
        }
        range("spoolMaxBytes", spoolMaxBytes, 1, MAX_QUEUE_BYTES_LIMIT);
    }

    /**
     * The defaults documented on each component.
     *
     * @return the shared default settings; never null
     */
    public static CollectorSettings defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a copy posting to another stream.
     *
     * @param newStream the stream to post to (same rules as {@link #stream()})
     * @return a copy with another stream
     */
    public CollectorSettings withStream(String newStream) {
        return new CollectorSettings(newStream, maxQueueEvents, maxQueueBytes, maxBatchEvents, maxBatchBytes, linger,
                maxRetryTime, initialBackoff, maxBackoff, maxRetryAfter, stopTimeout, relayedSharePercent, spoolDir, spoolMaxBytes);
    }

    /**
     * Returns a copy with other queue bounds.
     *
     * @param events bound of the queue in events
     * @param bytes  bound of the queue in estimated bytes
     * @return a copy with other queue bounds
     * @throws IllegalArgumentException if a value is out of range
     */
    public CollectorSettings withQueueLimits(int events, long bytes) {
        return new CollectorSettings(stream, events, bytes, maxBatchEvents, maxBatchBytes, linger,
                maxRetryTime, initialBackoff, maxBackoff, maxRetryAfter, stopTimeout, relayedSharePercent, spoolDir, spoolMaxBytes);
    }

    /**
     * Returns a copy with other batch limits.
     *
     * @param events        most events per POST
     * @param bytes         most bytes per POST
     * @param lingerTime    longest wait of a queued event for its batch
     * @return a copy with other batch limits
     */
    public CollectorSettings withBatchLimits(int events, long bytes, Duration lingerTime) {
        return new CollectorSettings(stream, maxQueueEvents, maxQueueBytes, events, bytes, lingerTime,
                maxRetryTime, initialBackoff, maxBackoff, maxRetryAfter, stopTimeout, relayedSharePercent, spoolDir, spoolMaxBytes);
    }

    /**
     * Returns a copy with another retry policy.
     *
     * @param retryTime     total retry time per batch
     * @param firstBackoff  bound of the first retry delay
     * @param backoffCap    cap of the retry delay bound
     * @param retryAfterCap cap of a server's {@code Retry-After}
     * @return a copy with another retry policy
     */
    public CollectorSettings withRetry(Duration retryTime, Duration firstBackoff, Duration backoffCap,
            Duration retryAfterCap) {
        return new CollectorSettings(stream, maxQueueEvents, maxQueueBytes, maxBatchEvents, maxBatchBytes, linger,
                retryTime, firstBackoff, backoffCap, retryAfterCap, stopTimeout, relayedSharePercent, spoolDir, spoolMaxBytes);
    }

    /**
     * Returns a copy with another stop timeout.
     *
     * @param timeout how long shutdown waits for an in-flight call after its deadline
     * @return a copy with another stop timeout
     */
    public CollectorSettings withStopTimeout(Duration timeout) {
        return new CollectorSettings(stream, maxQueueEvents, maxQueueBytes, maxBatchEvents, maxBatchBytes, linger,
                maxRetryTime, initialBackoff, maxBackoff, maxRetryAfter, timeout, relayedSharePercent, spoolDir, spoolMaxBytes);
    }

    /**
     * Returns a copy in which relayed events may fill another share of the queue.
     *
     * @param percent share of both queue bounds, 1..100
     * @return a copy with another share
     */
    public CollectorSettings withRelayedShare(int percent) {
        return new CollectorSettings(stream, maxQueueEvents, maxQueueBytes, maxBatchEvents, maxBatchBytes, linger,
                maxRetryTime, initialBackoff, maxBackoff, maxRetryAfter, stopTimeout, percent, spoolDir, spoolMaxBytes);
    }

    /**
     * Returns a copy that spools unsent events at shutdown (or does not, with a null directory).
     *
     * @param dir      absolute directory, or null for no spool
     * @param maxBytes most bytes written at one shutdown and read at construction
     * @return a copy with another spool
     */
    public CollectorSettings withSpool(Path dir, long maxBytes) {
        return new CollectorSettings(stream, maxQueueEvents, maxQueueBytes, maxBatchEvents, maxBatchBytes, linger,
                maxRetryTime, initialBackoff, maxBackoff, maxRetryAfter, stopTimeout, relayedSharePercent, dir, maxBytes);
    }

    private static void range(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was: " + value);
        }
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was: " + value);
        }
    }

    private static void notNegative(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was: " + value);
        }
    }
}
