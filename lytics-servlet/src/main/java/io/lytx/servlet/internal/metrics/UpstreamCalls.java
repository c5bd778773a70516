package io.lytx.servlet.internal.metrics;

import io.lytx.client.error.LyticsApiException;
import io.lytx.client.error.LyticsTimeoutException;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;

/**
 * How the calls to Lytics ended, by {@link Api} and {@link Outcome}: how many and how long in total,
 * and the latest failure. Fed by the profile service and the collector, read by the metrics (JMX,
 * Micrometer, health). Thread-safe; recording is lock-free ({@link LongAdder} cells) and allocates
 * only for a failure.
 */
public final class UpstreamCalls {

    /** Which Lytics API a call went to; {@link #tag()} is its Micrometer tag value. */
    public enum Api {
        /** Entity (profile) lookups. */
        PROFILE,
        /** Content recommendations. */
        RECOMMENDATIONS,
        /** Event collection (batches of page views and identify events). */
        COLLECT;

        /** Lower-case tag value, e.g. {@code profile}. */
        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How one call ended; {@link #tag()} is its Micrometer tag value. */
    public enum Outcome {
        /** Lytics answered. */
        SUCCESS,
        /** Lytics answered with a final 4xx (not 408 or 429) about this one request. */
        REFUSED,
        /** The call ran out of time. */
        TIMEOUT,
        /** Anything else: connection failure, 408, 429, 5xx, an unreadable answer. */
        ERROR;

        /** Lower-case tag value, e.g. {@code success}. */
        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * The outcome of a call that ended with {@code failure}.
         *
         * @param failure the failure (wrappers such as {@link CompletionException} are looked through), or
         *                null when Lytics answered
         */
        public static Outcome of(Throwable failure) {
            Throwable t = unwrap(failure);
            if (t == null) {
                return SUCCESS;
            }
            if (t instanceof TimeoutException || t instanceof LyticsTimeoutException) {
                return TIMEOUT;
            }
            if (t instanceof LyticsApiException api && api.status() >= 400 && api.status() < 500
                    && api.status() != 408 && api.status() != 429) {
                return REFUSED;
            }
            return ERROR;
        }
    }

    /**
     * The latest failed call.
     *
     * @param at      when it ended
     * @param api     which API it went to
     * @param outcome how it ended (never {@link Outcome#SUCCESS})
     * @param what    a short description: {@code HTTP 503}, {@code timeout}, or the failure's class name (never
     *                its message, which may echo upstream text, and never the token)
     */
    public record LastError(Instant at, Api api, Outcome outcome, String what) {
    }

    private static final int APIS = Api.values().length;
    private static final int OUTCOMES = Outcome.values().length;

    private final LongAdder[] counts = new LongAdder[APIS * OUTCOMES];
    private final LongAdder[] nanos = new LongAdder[APIS * OUTCOMES];
    private volatile LastError lastError;

    /** An empty table. */
    public UpstreamCalls() {
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new LongAdder();
            nanos[i] = new LongAdder();
        }
    }

    /**
     * Records one finished call.
     *
     * @param api       which API, never null
     * @param failure   why the call is unusable, or null when Lytics answered
     * @param tookNanos how long it took
     * @return its outcome
     */
    public Outcome record(Api api, Throwable failure, long tookNanos) {
        Objects.requireNonNull(api, "api");
        Outcome outcome = Outcome.of(failure);
        int i = index(api, outcome);
        counts[i].increment();
        nanos[i].add(Math.max(0, tookNanos));
        if (outcome != Outcome.SUCCESS) {
            lastError = new LastError(Instant.now(), api, outcome, describe(unwrap(failure)));
        }
        return outcome;
    }

    /** Number of calls to {@code api} that ended with {@code outcome}. */
    public long count(Api api, Outcome outcome) {
        return counts[index(api, outcome)].sum();
    }

    /** Total duration, in nanoseconds, of the calls to {@code api} that ended with {@code outcome}. */
    public long totalNanos(Api api, Outcome outcome) {
        return nanos[index(api, outcome)].sum();
    }

    /** The latest failed call, if any. */
    public Optional<LastError> lastError() {
        return Optional.ofNullable(lastError);
    }

    private static int index(Api api, Outcome outcome) {
        return api.ordinal() * OUTCOMES + outcome.ordinal();
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String describe(Throwable t) {
        if (t instanceof LyticsApiException api) {
            return "HTTP " + api.status();
        }
        if (t instanceof TimeoutException || t instanceof LyticsTimeoutException) {
            return "timeout";
        }
        return t.getClass().getSimpleName();
    }
}
