package io.lytx.servlet.internal.runtime;

import io.lytx.client.LyticsClient;
import io.lytx.client.entity.EntityQuery;
import io.lytx.client.error.LyticsApiException;
import io.lytx.client.error.LyticsResponseException;
import io.lytx.client.error.LyticsTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The start-up warm-up: one profile lookup, made before the first page, of an id that no visitor
 * has ({@value #WARMUP_ID}, a well-formed UUID v4 that {@code crypto.randomUUID()} or the filter
 * would never mint in practice). The first call of a fresh JVM loads and initializes the HTTP
 * client, the JSON binding and the connection (about a second); without this, the first pages after
 * a deploy would spend their whole budget on it and show UNAVAILABLE.
 *
 * <p>The lookup bypasses the profile cache and the circuit breaker: its outcome is neither cached
 * nor counted against Lytics. Whatever it answers (Not Found, an error status, an unreadable body)
 * only the time it took matters; no answer in time is logged once (INFO), a call that failed before
 * its deadline (connection refused, an unusable client) once with what failed and after how long
 * (WARNING); it never fails the start-up. Blocks the calling thread for at most the given wait (plus
 * 100 ms of grace for the call to end itself).
 */
final class UpstreamWarmup {

    /** The id looked up. */
    static final String WARMUP_ID = "00000000-0000-4000-8000-000000000000";

    private static final System.Logger LOG = System.getLogger(UpstreamWarmup.class.getName());

    private static final long GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private UpstreamWarmup() {
    }

    private static void noAnswer(Duration wait) {
        LOG.log(System.Logger.Level.INFO, "Lytics did not answer the start-up warm-up within " + wait.toMillis()
                + " ms; the first pages may show personalization as unavailable");
    }

    /** The call ended without an answer before its deadline: say what failed, and when. */
    private static void failed(long startNanos, Throwable why) {
        LOG.log(System.Logger.Level.WARNING, "The Lytics start-up warm-up failed after "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos) + " ms: " + why
                + (why.getCause() == null ? "" : "; cause: " + why.getCause())
                + "; the first pages may show personalization as unavailable");
    }

    /**
     * Makes the lookup and waits for it, at most {@code wait}.
     *
     * @param client the runtime's client
     * @param wait   longest wait; zero or negative: no warm-up at all
     * @return true if Lytics answered (anything) in time
     */
    static boolean run(LyticsClient client, Duration wait) {
        if (wait.isZero() || wait.isNegative()) {
            return false;
        }
        long start = System.nanoTime();
        CompletableFuture<?> call;
        try {
            call = client.entities().getAsync(EntityQuery.by("_uids", WARMUP_ID).meta(false), wait).toCompletableFuture();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "Lytics warm-up not started: " + e);
            return false;
        }
        try {
            // a little longer than the call's own timeout, which normally ends it first
            call.get(wait.toNanos() + GRACE_NANOS, TimeUnit.NANOSECONDS);
            LOG.log(System.Logger.Level.DEBUG, () -> "Lytics warm-up answered in "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms");
            return true;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof LyticsApiException || cause instanceof LyticsResponseException) {
                // an answer, even an error status or an unreadable body, went through the whole client
                LOG.log(System.Logger.Level.DEBUG, () -> "Lytics warm-up answered in "
                        + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms: " + cause.getMessage());
                return true;
            }
            if (cause instanceof LyticsTimeoutException) {
                noAnswer(wait);
            } else {
                failed(start, cause);
            }
            return false;
        } catch (TimeoutException e) {
            call.cancel(true);
            noAnswer(wait);
            return false;
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
