package io.lytx.sandbox.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.uri.UriTemplate;

/**
 * Works out the {@link Route} (method + path template) a matched request was routed to, from
 * Jersey's matched templates, and caches it on the request. The normalized template text is
 * remembered per matched template chain (bounded by the application's routes, since templates,
 * not request values, are the key). Thread-safe.
 */
public final class RouteResolver {

    /** The request property holding the resolved {@link Route}. */
    public static final String PROPERTY = "io.lytx.sandbox.route";

    /** A template variable with a regex, which may hold one level of braces ({@code {id: [0-9a-f]{32}}}). */
    private static final Pattern REGEX_VARIABLE = Pattern.compile("\\{\\s*([^:}\\s]+)\\s*:(?:[^{}]|\\{[^{}]*})*}");
    private static final Pattern SLASHES = Pattern.compile("/{2,}");
    private static final Map<List<String>, String> TEMPLATES = new ConcurrentHashMap<>();

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
        List<UriTemplate> matched = ((ContainerRequest) ctx).getUriInfo().getMatchedTemplates();
        List<String> chain = new ArrayList<>(matched.size());
        for (UriTemplate template : matched) {
            chain.add(template.getTemplate());
        }
        String t = TEMPLATES.computeIfAbsent(chain, RouteResolver::normalize);
        Route route = new Route(ctx.getMethod(), t);
        ctx.setProperty(PROPERTY, route);
        return route;
    }

    /**
     * The route template of a chain of path templates (innermost first): regexes dropped, slashes
     * collapsed, no trailing slash.
     *
     * @param chain the templates, innermost first; not null
     * @return the template, starting with {@code /}
     */
    static String normalize(List<String> chain) {
        StringBuilder sb = new StringBuilder();
        for (int i = chain.size() - 1; i >= 0; i--) {
            sb.append('/').append(chain.get(i));
        }
        String t = SLASHES.matcher(REGEX_VARIABLE.matcher(sb).replaceAll("{$1}")).replaceAll("/");
        if (t.length() > 1 && t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        if (t.isEmpty()) {
            t = "/";
        }
        return t;
    }
}
