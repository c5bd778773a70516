package io.lytx.sandbox.auth;

import io.lytx.sandbox.http.Envelope;
import io.lytx.sandbox.http.Route;
import io.lytx.sandbox.http.RouteResolver;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;

/**
 * After routing, checks that the caller's roles cover the route's {@link ApiArea} and
 * {@link Access} ({@link RouteClassifier}, {@link RoleTable}); otherwise 403 naming the roles,
 * the area and the route. Public routes pass. Stateless and thread-safe.
 */
@Priority(Priorities.AUTHORIZATION)
public final class PermissionFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext ctx) {
        Route route = RouteResolver.of(ctx);
        ApiArea area = RouteClassifier.area(route);
        if (area == ApiArea.PUBLIC) {
            return;
        }
        Object c = ctx.getProperty(Caller.PROPERTY);
        if (!(c instanceof Caller caller)) {
            ctx.abortWith(Envelope.error(401, "Not authorized"));
            return;
        }
        if (area == ApiArea.SANDBOX) {
            if (!caller.isAdminToken()) {
                ctx.abortWith(Envelope.error(403, "Not authorized: the /_sandbox/ endpoints need the admin token"));
            }
            return;
        }
        Access access = RouteClassifier.access(route);
        if (!RoleTable.allows(caller.roles(), area, access)) {
            ctx.abortWith(Envelope.error(403, "Not authorized: roles " + caller.roles() + " do not allow "
                    + access.name().toLowerCase(java.util.Locale.ROOT) + " access to "
                    + area.name().toLowerCase(java.util.Locale.ROOT) + " (" + route.key() + ")"));
        }
    }
}
