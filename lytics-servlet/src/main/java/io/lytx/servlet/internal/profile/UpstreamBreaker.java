package io.lytx.servlet.internal.profile;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.event.CircuitBreakerOnStateTransitionEvent;
import io.lytx.client.error.LyticsApiException;
import io.lytx.client.error.LyticsException;
import java.lang.System.Logger.Level;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;

/**
 * The circuit breaker in front of Lytics, shared by profile and recommendation calls (one upstream).
 *
 * <p>Tuned to the render budget: a count-based window of a few calls, a low minimum number of calls,
 * every sign of upstream trouble recorded as a failure (timeouts, connection failures, unreadable
 * answers, 408/429/5xx; see {@link #isUpstreamTrouble}), calls near the budget recorded as slow,
 * a short open state, and a few half-open probes. The open to half-open move happens on the first
 * call after the open period (no scheduler thread). Logs one line per state change: a warning when it
 * opens, an info line when it closes again; a failed probe that re-opens it is logged at debug level
 * only, so a long outage costs one warning, not one every open period. Thread-safe.
 */
final class UpstreamBreaker {

    private static final System.Logger LOG = System.getLogger(UpstreamBreaker.class.getName());

    private final CircuitBreaker breaker;
    private final LongAdder transitions = new LongAdder();
    private final ProfileSettings settings;

    UpstreamBreaker(ProfileSettings settings) {
        this.settings = settings;
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.breakerWindow())
                .minimumNumberOfCalls(Math.min(settings.breakerMinimumCalls(), settings.breakerWindow()))
                .failureRateThreshold(settings.failureThresholdPercent())
                .slowCallDurationThreshold(settings.slowCallThreshold())
                .slowCallRateThreshold(settings.slowCallRatePercent())
                .waitDurationInOpenState(settings.openFor())
                .permittedNumberOfCallsInHalfOpenState(settings.halfOpenProbes())
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .writableStackTraceEnabled(false)
                .recordException(error -> true)
                .build();
        this.breaker = CircuitBreaker.of("lytics", config);
        this.breaker.getEventPublisher().onStateTransition(this::onTransition);
    }

    /**
     * Asks to make one upstream call. When this returns true the caller must report the call's end
     * through {@link #record}, exactly once.
     *
     * @return false when the breaker is open (or half-open with all probes taken): make no call
     */
    boolean tryAcquire() {
        return breaker.tryAcquirePermission();
    }

    /**
     * Whether a call asked for now would be refused, without taking a permission: the breaker is
     * open and its open time has not run out. (When it has run out, the breaker moves to half-open
     * here and the probe permission this takes is given back at once.)
     */
    boolean refusesNow() {
        if (breaker.getState() != CircuitBreaker.State.OPEN) {
            return false;
        }
        if (breaker.tryAcquirePermission()) {
            breaker.releasePermission();
            return false;
        }
        return true;
    }

    /**
     * Reports the end of a permitted call: an answer (including a prompt 4xx refusal) counts as a
     * success, upstream trouble as a failure, and a failure on our side before anything reached
     * Lytics (an argument the client refused, its queue full) gives the permission back unrecorded.
     *
     * @param nanos how long it took
     * @param error its failure, or null when Lytics answered
     */
    void record(long nanos, Throwable error) {
        Throwable failure = error == null ? null : Outcomes.unwrap(error);
        if (failure == null || isPromptRefusal(failure)) {
            breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
        } else if (isUpstreamTrouble(failure)) {
            breaker.onError(nanos, TimeUnit.NANOSECONDS, failure);
        } else {
            breaker.releasePermission();
        }
    }

    /**
     * Whether a failure says something about Lytics' health: timeouts, connection failures, unreadable
     * answers, 408, 429 and 5xx do. Another 4xx (bad token, unknown content collection...) is a prompt
     * and coherent answer about this request ({@link #isPromptRefusal}), so it must not open the
     * breaker for every visitor; nor must a failure that never left this JVM.
     */
    static boolean isUpstreamTrouble(Throwable failure) {
        if (failure instanceof LyticsApiException) {
            return !isPromptRefusal(failure);
        }
        return failure instanceof LyticsException || failure instanceof UnavailableException
                || failure instanceof TimeoutException;
    }

    /** A 4xx answer other than 408 and 429: Lytics is up and said no to this one request. */
    static boolean isPromptRefusal(Throwable failure) {
        if (failure instanceof LyticsApiException api) {
            int status = api.status();
            return status >= 400 && status < 500 && status != 408 && status != 429;
        }
        return false;
    }

    /** The current state's name: {@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}, ... */
    String state() {
        return breaker.getState().name();
    }

    /** Number of state changes so far. */
    long transitions() {
        return transitions.sum();
    }

    private void onTransition(CircuitBreakerOnStateTransitionEvent event) {
        transitions.increment();
        CircuitBreaker.State to = event.getStateTransition().getToState();
        CircuitBreaker.State from = event.getStateTransition().getFromState();
        if (to == CircuitBreaker.State.OPEN && from == CircuitBreaker.State.CLOSED) {
            CircuitBreaker.Metrics m = breaker.getMetrics();
            LOG.log(Level.WARNING, "Lytics circuit breaker opened ({0}): failure rate {1}%, slow-call rate {2}%;"
                            + " profile lookups answer UNAVAILABLE at once for {3} ms, then probe again",
                    event.getStateTransition(), m.getFailureRate(), m.getSlowCallRate(), settings.openFor().toMillis());
        } else if (to == CircuitBreaker.State.CLOSED && from != CircuitBreaker.State.CLOSED) {
            LOG.log(Level.INFO, "Lytics circuit breaker closed ({0}): profile lookups resumed",
                    event.getStateTransition());
        } else {
            LOG.log(Level.DEBUG, "Lytics circuit breaker {0}", event.getStateTransition());
        }
    }
}
