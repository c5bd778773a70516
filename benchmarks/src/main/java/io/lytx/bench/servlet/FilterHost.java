package io.lytx.bench.servlet;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Initializes a filter outside a container: a servlet context that only knows attributes, its
 * context path ({@code ""}), init parameters and its class loader, and a filter config carrying
 * the given init parameters. Both are used at {@code init} only, never on the request path, which
 * is why they are dynamic proxies. Anything else a filter asks of them throws
 * {@link UnsupportedOperationException}.
 */
public final class FilterHost {

    private FilterHost() {
    }

    /**
     * Calls {@code filter.init} with the given init parameters.
     *
     * @param filter the filter, not null
     * @param params its init parameters, not null
     * @return the servlet context the filter was given (its attributes stay live)
     * @throws ServletException whatever {@code init} throws
     */
    public static ServletContext init(Filter filter, Map<String, String> params) throws ServletException {
        Objects.requireNonNull(filter, "filter");
        Map<String, String> copy = Map.copyOf(Objects.requireNonNull(params, "params"));
        Map<String, Object> attributes = new ConcurrentHashMap<>();
        ServletContext context = (ServletContext) Proxy.newProxyInstance(FilterHost.class.getClassLoader(),
                new Class<?>[] {ServletContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> {
                        if (args[1] == null) {
                            attributes.remove((String) args[0]);
                        } else {
                            attributes.put((String) args[0], args[1]);
                        }
                        yield null;
                    }
                    case "removeAttribute" -> attributes.remove((String) args[0]);
                    case "getContextPath" -> "";
                    case "getInitParameter" -> null;
                    case "getInitParameterNames" -> Collections.emptyEnumeration();
                    case "getClassLoader" -> FilterHost.class.getClassLoader();
                    case "getServletContextName", "toString" -> "benchmark";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(
                            "ServletContext." + method.getName() + " is not supported by the benchmark host");
                });
        FilterConfig config = new FilterConfig() {
            @Override
            public String getFilterName() {
                return "lytics";
            }

            @Override
            public ServletContext getServletContext() {
                return context;
            }

            @Override
            public String getInitParameter(String name) {
                return copy.get(name);
            }

            @Override
            public java.util.Enumeration<String> getInitParameterNames() {
                return Collections.enumeration(copy.keySet());
            }
        };
        filter.init(config);
        return context;
    }
}
