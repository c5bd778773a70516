package io.lytx.sandbox.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import java.util.regex.Pattern;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.uri.UriTemplate;

/**
 * Works out the {@link Route} (method + path template) a matched request was routed to, from
 * Jersey's matched templates, and caches it on the request. Stateless and thread-safe.
 */
public final class RouteResolver {

    /** The request property holding the resolved {@link Route}. */
    public static final String PROPERTY = "io.lytx.sandbox.route";

    /** A template variable with a regex, which may hold one level of braces ({@code {id: [0-9a-f]{32}}}). */
    private static final Pattern REGEX_VARIABLE = Pattern.compile("\\{\\s*([^:}\\s]+)\\s*:(?:[^{}]|\\{[^{}]*})*}");
    private static final Pattern SLASHES = Pattern.compile("/{2,}");

    private RouteResolver() {
    }

    /**
     * The route of a request that has been matched to a resource method.
     *
     * @param ctx the request (post-matching); not null
     * @return the route, e.g. {@code GET /api/entity/{table}/{field}/{value}}
     */
    public static Route of(ContainerRequestContext ctx) {
        Object cached = ctx.getProperty(PROPERTY);
        if (cached instanceof Route r) {
            return r;
        }
        StringBuilder sb = new StringBuilder();
        List<UriTemplate> templates = ((ContainerRequest) ctx).getUriInfo().getMatchedTemplates();
        for (int i = templates.size() - 1; i >= 0; i--) {
            sb.append('/').append(templates.get(i).getTemplate());
        }
        String t = SLASHES.matcher(REGEX_VARIABLE.matcher(sb).replaceAll("{$1}")).replaceAll("/");
        if (t.length() > 1 && t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        if (t.isEmpty()) {
            t = "/";
        }
        Route route = new Route(ctx.getMethod(), t);
        ctx.setProperty(PROPERTY, route);
        return route;
    }
}
