package io.lytx.sandbox.admin;

import io.lytx.sandbox.auth.RouteClassifier;
import io.lytx.sandbox.http.Route;
import io.lytx.sandbox.http.RouteResolver;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.util.Objects;

/**
 * Counts every routed API request in {@link RequestStats}: after authentication (a 401 is not
 * counted), before the role check (a 403 is counted: the call was made). The {@code /_sandbox/}
 * endpoints are not counted. Thread-safe.
 */
@Priority(Priorities.AUTHENTICATION + 500)
public final class StatsFilter implements ContainerRequestFilter {

    private final RequestStats stats;

    /**
     * A filter counting into {@code stats}.
     *
     * @param stats the counters; not null
     */
    public StatsFilter(RequestStats stats) {
        this.stats = Objects.requireNonNull(stats, "stats");
    }

    @Override
    public void filter(ContainerRequestContext ctx) {
        Route route = RouteResolver.of(ctx);
        if (!RouteClassifier.isSandboxPath(route.template())) {
            stats.count(route.key());
        }
    }
}
