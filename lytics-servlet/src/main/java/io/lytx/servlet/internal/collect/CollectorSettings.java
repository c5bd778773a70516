package io.lytx.servlet.internal.collect;

import io.lytx.client.collect.StreamName;
import io.lytx.servlet.config.LyticsConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of an {@link EventCollector}: where events go, how much may wait, how batches are cut and
 * how failed batches are retried. Made by a {@link Builder} ({@link #builder()}), which starts
 * from the defaults and validates every value when it builds. Immutable and thread-safe.
 *
 * <p>The settings, with their defaults:
 * <ul>
 * <li>{@code stream}: Lytics stream the events are posted to ({@code /collect/json/{stream}});
 *     a name following {@link StreamName} (default {@value StreamName#DEFAULT})</li>
 * <li>{@code maxQueueEvents}: bound of the queue in events (default 10,000; at most 16,777,215)</li>
 * <li>{@code maxQueueBytes}: bound of the queue in estimated bytes, see {@link
 *     CollectEvent#estimatedBytes()} (default 16 MiB)</li>
 * <li>{@code maxBatchEvents}: most events in one POST (default 500)</li>
 * <li>{@code maxBatchBytes}: most bytes of JSON in one POST (default 1 MiB, at most 9 MiB: Lytics
 *     takes requests under 10 MB); an event alone larger than this is still sent, alone</li>
 * <li>{@code linger}: longest time a queued event waits for its batch to fill before it is sent
 *     (default 1 s)</li>
 * <li>{@code maxRetryTime}: total time one batch may spend being retried before it is given up and
 *     counted as failed (default 60 s, so that a capped {@code Retry-After} fits; zero = never retry). A
 *     retry whose wait would end past this bound is not made.</li>
 * <li>{@code initialBackoff}: upper bound of the first retry delay; the bound doubles on every retry
 *     and the actual delay is drawn uniformly below it ("full jitter") (default 250 ms)</li>
 * <li>{@code maxBackoff}: cap of the doubling bound above (default 10 s)</li>
 * <li>{@code maxRetryAfter}: cap applied to a server's {@code Retry-After} (default 30 s)</li>
 * <li>{@code stopTimeout}: during shutdown, how long to wait after the flush deadline for an HTTP call
 *     already in flight (which cannot be interrupted; the client's read timeout bounds it) before giving
 *     up on joining the worker (default 10 s)</li>
 * <li>{@code relayedSharePercent}: percent of both queue bounds that {@linkplain
 *     CollectEvent#relayed() relayed} (browser) events may fill, 1..100 (default 100; the servlet sets
 *     20)</li>
 * <li>{@code spoolDir}: directory where events still unsent when shutdown gives up are written, and
 *     sent from by the next collector using it; null = off (the default): they are lost</li>
 * <li>{@code spoolMaxBytes}: most bytes written to the spool at one shutdown, and read from the spool
 *     at construction, over all its files (default 16 MiB)</li>
 * </ul>
 */
public final class CollectorSettings {

    /** Largest {@code maxQueueEvents}: the queue packs its count into 24 bits. */
    public static final int MAX_QUEUE_EVENTS_LIMIT = (1 << 24) - 1;
    /** Largest {@code maxQueueBytes}: the queue packs its byte count into 39 bits. */
    public static final long MAX_QUEUE_BYTES_LIMIT = (1L << 38);
    /** Largest {@code maxBatchBytes} (Lytics accepts requests under 10 MB). */
    public static final long MAX_BATCH_BYTES_LIMIT = 9L * 1024 * 1024;

    private static final CollectorSettings DEFAULTS = builder().build();

    private final String stream;
    private final int maxQueueEvents;
    private final long maxQueueBytes;
    private final int maxBatchEvents;
    private final long maxBatchBytes;
    private final Duration linger;
    private final Duration maxRetryTime;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration maxRetryAfter;
    private final Duration stopTimeout;
    private final int relayedSharePercent;
    private final Path spoolDir;
    private final long spoolMaxBytes;

    private CollectorSettings(Builder b) {
        this.stream = b.stream;
        this.maxQueueEvents = b.maxQueueEvents;
        this.maxQueueBytes = b.maxQueueBytes;
        this.maxBatchEvents = b.maxBatchEvents;
        this.maxBatchBytes = b.maxBatchBytes;
        this.linger = b.linger;
        this.maxRetryTime = b.maxRetryTime;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.maxRetryAfter = b.maxRetryAfter;
        this.stopTimeout = b.stopTimeout;
        this.relayedSharePercent = b.relayedSharePercent;
        this.spoolDir = b.spoolDir;
        this.spoolMaxBytes = b.spoolMaxBytes;
    }

    /**
     * The defaults documented above.
     *
     * @return the shared default settings; never null
     */
    public static CollectorSettings defaults() {
        return DEFAULTS;
    }

    /**
     * The settings of the plugin's collector, from a config that has already read and validated every
     * value: its stream, queue bounds, batch size and linger, the share of relayed events and the spool;
     * the retry and batch-byte tuning keep their defaults.
     *
     * @param config the plugin config, never null
     * @return new settings; never null
     */
    public static CollectorSettings from(LyticsConfig config) {
        return builder()
                .stream(config.stream())
                .queueLimits(config.queueMaxEvents(), config.queueMaxBytes())
                .batchLimits(config.batchMaxEvents(), DEFAULTS.maxBatchBytes())
                .linger(config.batchLinger())
                .relayedSharePercent(config.relayQueueSharePercent())
                .spool(config.spoolDir().orElse(null), config.spoolMaxBytes())
                .build();
    }

    /**
     * A builder that starts from the defaults.
     *
     * @return a new builder; never null
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the Lytics stream events are posted to */
    public String stream() {
        return stream;
    }

    /** @return the bound of the queue in events */
    public int maxQueueEvents() {
        return maxQueueEvents;
    }

    /** @return the bound of the queue in estimated bytes */
    public long maxQueueBytes() {
        return maxQueueBytes;
    }

    /** @return the most events in one POST */
    public int maxBatchEvents() {
        return maxBatchEvents;
    }

    /** @return the most bytes of JSON in one POST */
    public long maxBatchBytes() {
        return maxBatchBytes;
    }

    /** @return the longest time a queued event waits for its batch to fill */
    public Duration linger() {
        return linger;
    }

    /** @return the total time one batch may spend being retried (zero: never retried) */
    public Duration maxRetryTime() {
        return maxRetryTime;
    }

    /** @return the upper bound of the first retry delay */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /** @return the cap of the doubling retry delay bound */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** @return the cap applied to a server's {@code Retry-After} */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /** @return how long shutdown waits for an in-flight call after its deadline */
    public Duration stopTimeout() {
        return stopTimeout;
    }

    /** @return the percent of both queue bounds that relayed events may fill, 1..100 */
    public int relayedSharePercent() {
        return relayedSharePercent;
    }

    /** @return the spool directory, or null when there is no spool */
    public Path spoolDir() {
        return spoolDir;
    }

    /** @return the most bytes written to the spool at one shutdown and read at construction */
    public long spoolMaxBytes() {
        return spoolMaxBytes;
    }

    @Override
    public String toString() {
        return "CollectorSettings[stream=" + stream + ", maxQueueEvents=" + maxQueueEvents + ", maxQueueBytes="
                + maxQueueBytes + ", maxBatchEvents=" + maxBatchEvents + ", maxBatchBytes=" + maxBatchBytes
                + ", linger=" + linger + ", maxRetryTime=" + maxRetryTime + ", initialBackoff=" + initialBackoff
                + ", maxBackoff=" + maxBackoff + ", maxRetryAfter=" + maxRetryAfter + ", stopTimeout=" + stopTimeout
                + ", relayedSharePercent=" + relayedSharePercent + ", spoolDir=" + spoolDir + ", spoolMaxBytes="
                + spoolMaxBytes + "]";
    }

    /**
     * Sets the values that differ from the defaults; {@link #build()} validates them all. Not
     * thread-safe; may be reused.
     */
    public static final class Builder {
        private String stream = StreamName.DEFAULT;
        private int maxQueueEvents = 10_000;
        private long maxQueueBytes = 16L * 1024 * 1024;
        private int maxBatchEvents = 500;
        private long maxBatchBytes = 1024L * 1024;
        private Duration linger = Duration.ofSeconds(1);
        private Duration maxRetryTime = Duration.ofSeconds(60);
        private Duration initialBackoff = Duration.ofMillis(250);
        private Duration maxBackoff = Duration.ofSeconds(10);
        private Duration maxRetryAfter = Duration.ofSeconds(30);
        private Duration stopTimeout = Duration.ofSeconds(10);
        private int relayedSharePercent = 100;
        private Path spoolDir;
        private long spoolMaxBytes = 16L * 1024 * 1024;

        private Builder() {
        }

        /**
         * @param value the stream to post to, following {@link StreamName}
         * @return this builder
         */
        public Builder stream(String value) {
            this.stream = value;
            return this;
        }

        /**
         * @param events bound of the queue in events, 1..{@value CollectorSettings#MAX_QUEUE_EVENTS_LIMIT}
         * @param bytes  bound of the queue in estimated bytes, 1..{@link CollectorSettings#MAX_QUEUE_BYTES_LIMIT}
         * @return this builder
         */
        public Builder queueLimits(int events, long bytes) {
            this.maxQueueEvents = events;
            this.maxQueueBytes = bytes;
            return this;
        }

        /**
         * @param events most events per POST
         * @param bytes  most bytes per POST, 2..{@link CollectorSettings#MAX_BATCH_BYTES_LIMIT}
         * @return this builder
         */
        public Builder batchLimits(int events, long bytes) {
            this.maxBatchEvents = events;
            this.maxBatchBytes = bytes;
            return this;
        }

        /**
         * @param value longest wait of a queued event for its batch; positive
         * @return this builder
         */
        public Builder linger(Duration value) {
            this.linger = value;
            return this;
        }

        /**
         * @param value total retry time per batch; zero: never retry
         * @return this builder
         */
        public Builder maxRetryTime(Duration value) {
            this.maxRetryTime = value;
            return this;
        }

        /**
         * @param first bound of the first retry delay; positive
         * @param cap   cap of the doubling bound; not shorter than {@code first}
         * @return this builder
         */
        public Builder backoff(Duration first, Duration cap) {
            this.initialBackoff = first;
            this.maxBackoff = cap;
            return this;
        }

        /**
         * @param value cap of a server's {@code Retry-After}; not negative
         * @return this builder
         */
        public Builder maxRetryAfter(Duration value) {
            this.maxRetryAfter = value;
            return this;
        }

        /**
         * @param value how long shutdown waits for an in-flight call after its deadline; not negative
         * @return this builder
         */
        public Builder stopTimeout(Duration value) {
            this.stopTimeout = value;
            return this;
        }

        /**
         * @param percent share of both queue bounds relayed events may fill, 1..100
         * @return this builder
         */
        public Builder relayedSharePercent(int percent) {
            this.relayedSharePercent = percent;
            return this;
        }

        /**
         * @param dir      absolute directory, or null for no spool
         * @param maxBytes most bytes written at one shutdown and read at construction
         * @return this builder
         */
        public Builder spool(Path dir, long maxBytes) {
            this.spoolDir = dir;
            this.spoolMaxBytes = maxBytes;
            return this;
        }

        /**
         * Validates every value and makes the settings.
         *
         * @return new settings; never null
         * @throws NullPointerException     if a value is null (the message names it)
         * @throws IllegalArgumentException if a value is out of range (the message names it and the value)
         */
        public CollectorSettings build() {
            StreamName.require(stream, "stream");
            range("maxQueueEvents", maxQueueEvents, 1, MAX_QUEUE_EVENTS_LIMIT);
            range("maxQueueBytes", maxQueueBytes, 1, MAX_QUEUE_BYTES_LIMIT);
            range("maxBatchEvents", maxBatchEvents, 1, MAX_QUEUE_EVENTS_LIMIT);
            range("maxBatchBytes", maxBatchBytes, 2, MAX_BATCH_BYTES_LIMIT);
            positive("linger", linger);
            notNegative("maxRetryTime", maxRetryTime);
            positive("initialBackoff", initialBackoff);
            positive("maxBackoff", maxBackoff);
            if (maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException("maxBackoff (" + maxBackoff
                        + ") must not be shorter than initialBackoff (" + initialBackoff + ")");
            }
            notNegative("maxRetryAfter", maxRetryAfter);
            notNegative("stopTimeout", stopTimeout);
            range("relayedSharePercent", relayedSharePercent, 1, 100);
            if (spoolDir != null && !spoolDir.isAbsolute()) {
                throw new IllegalArgumentException("spoolDir must be an absolute path, was: " + spoolDir);
            }
            range("spoolMaxBytes", spoolMaxBytes, 1, MAX_QUEUE_BYTES_LIMIT);
            return new CollectorSettings(this);
        }
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
