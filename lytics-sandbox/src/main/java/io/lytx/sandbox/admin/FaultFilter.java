package io.lytx.sandbox.admin;

import io.lytx.sandbox.auth.RouteClassifier;
import io.lytx.sandbox.http.Envelope;
import io.lytx.sandbox.http.Route;
import io.lytx.sandbox.http.RouteResolver;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Applies the {@link FaultTable} to routed requests (after the role check): hang, then added
 * latency, then the error status at its rate; a malformed-body fault replaces a successful
 * answer's body with truncated JSON on the way out. The {@code /_sandbox/} endpoints are never
 * faulted. Hangs and latency block the serving thread. Thread-safe.
 */
@Priority(Priorities.USER)
public final class FaultFilter implements ContainerRequestFilter, ContainerResponseFilter {

    /** The truncated JSON a malformed-body fault answers with. */
    public static final String MALFORMED_BODY = "{\"data\":{\"injected\":\"malformed bo";

    private static final String MALFORMED = "io.lytx.sandbox.fault.malformed";

    private final FaultTable faults;

    /**
     * A filter applying {@code faults}.
     *
     * @param faults the injected faults; not null
     */
    public FaultFilter(FaultTable faults) {
        this.faults = Objects.requireNonNull(faults, "faults");
    }

    @Override
    public void filter(ContainerRequestContext ctx) {
        Route route = RouteResolver.of(ctx);
        if (RouteClassifier.isSandboxPath(route.template())) {
            return;
        }
        Optional<Fault> found = faults.forRoute(route);
        if (found.isEmpty()) {
            return;
        }
        Fault f = found.get();
        if (f.hang() && !faults.hang(f.hangMs())) {
            ctx.abortWith(Envelope.error(504, "injected fault: hang on " + route.key() + " timed out after "
                    + f.hangMs() + " ms"));
            return;
        }
        if (f.latencyMs() > 0) {
            try {
                Thread.sleep(f.latencyMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (f.status() > 0 && ThreadLocalRandom.current().nextDouble() < f.rate()) {
            Response error = Envelope.error(f.status(), "injected fault: status " + f.status() + " on " + route.key());
            if (f.retryAfter() != null) {
                error = Response.fromResponse(error).header("Retry-After", f.retryAfter()).build();
            }
            ctx.abortWith(error);
            return;
        }
        if (f.malformed()) {
            ctx.setProperty(MALFORMED, Boolean.TRUE);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (Boolean.TRUE.equals(request.getProperty(MALFORMED)) && response.getStatus() < 300) {
            response.setEntity(MALFORMED_BODY, null, MediaType.APPLICATION_JSON_TYPE);
            response.setStatus(200);
        }
    }
}
