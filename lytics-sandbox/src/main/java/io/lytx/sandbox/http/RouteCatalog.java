package io.lytx.sandbox.http;

import jakarta.ws.rs.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;

/**
 * The routes a set of JAX-RS resources serve, read from their annotations with Jersey's resource
 * model, in the same {@code METHOD template} form as {@link RouteResolver} (so they can be named in
 * the stats and fault endpoints and listed in tests). Stateless and thread-safe.
 */
public final class RouteCatalog {

    private RouteCatalog() {
    }

    /**
     * Every route of the given resource objects.
     *
     * @param resources resource instances (their classes carry {@link Path}); others are skipped
     * @return the routes, sorted by template then method, without duplicates
     */
    public static List<Route> of(List<?> resources) {
        Objects.requireNonNull(resources, "resources");
        TreeSet<Route> out = new TreeSet<>((a, b) -> a.template().equals(b.template())
                ? a.method().compareTo(b.method()) : a.template().compareTo(b.template()));
        for (Object r : resources) {
            Class<?> type = r.getClass();
            if (type.isAnnotationPresent(Path.class)) {
                Resource model = Resource.from(type);
                add(out, model, List.of(model.getPath()));
            }
        }
        return List.copyOf(out);
    }

    private static void add(TreeSet<Route> out, Resource model, List<String> outer) {
        for (ResourceMethod m : model.getResourceMethods()) {
            out.add(new Route(m.getHttpMethod(), RouteResolver.normalize(reversed(outer))));
        }
        for (Resource child : model.getChildResources()) {
            List<String> chain = new ArrayList<>(outer);
            chain.add(child.getPath());
            add(out, child, chain);
        }
    }

    private static List<String> reversed(List<String> outerFirst) {
        List<String> r = new ArrayList<>(outerFirst);
        java.util.Collections.reverse(r);
        return r;
    }
}
