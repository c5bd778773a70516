package io.lytx.servlet;

import io.lytx.servlet.config.LyticsConfig;
import io.lytx.servlet.internal.runtime.LyticsRuntime;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Programmatic registration, for applications that do not scan web fragments
 * ({@code metadata-complete="true"}, embedded servers, Spring Boot): call
 * {@link #register(ServletContext, LyticsConfig)} from a {@code ServletContainerInitializer},
 * a {@code ServletContextListener} or a Spring {@code ServletContextInitializer}.
 */
public final class LyticsInitializer {

    /** The URL pattern of the filter: every path (it selects the page requests itself). */
    public static final String URL_PATTERN = "/*";

    /**
     * The dispatcher types of the filter: REQUEST only; forwards, includes, async and error dispatches
     * reuse the context of the original request.
     */
    public static final Set<DispatcherType> DISPATCHER_TYPES =
            Collections.unmodifiableSet(EnumSet.of(DispatcherType.REQUEST));

    /** The filter supports async requests. */
    public static final boolean ASYNC_SUPPORTED = true;

    private LyticsInitializer() {
    }

    /**
     * Starts a runtime from {@code config} and registers the filter (name {@value LyticsFilter#NAME},
     * all paths, REQUEST dispatches, async supported, after the application's own filters). The
     * filter owns the runtime: it flushes and stops it in {@code destroy()} at undeploy.
     *
     * @param context the servlet context being initialized, never null
     * @param config  the configuration, never null (e.g. {@code LyticsConfig.builder()...build()})
     * @return the filter registration, for further mapping
     * @throws NullPointerException  if an argument is null
     * @throws IllegalStateException if a filter named {@value LyticsFilter#NAME} is already registered
     *                               (for example by the jar's web fragment)
     */
    public static FilterRegistration.Dynamic register(ServletContext context, LyticsConfig config) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(config, "config");
        if (context.getFilterRegistration(LyticsFilter.NAME) != null) {
            throw new IllegalStateException("a filter named '" + LyticsFilter.NAME + "' is already registered");
        }
        LyticsRuntime runtime = LyticsRuntime.start(config, context.getContextPath());
        FilterRegistration.Dynamic registration;
        try {
            registration = context.addFilter(LyticsFilter.NAME, new LyticsFilter(runtime, true));
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
        if (registration == null) {
            runtime.close();
            throw new IllegalStateException("a filter named '" + LyticsFilter.NAME + "' is already registered");
        }
        registration.setAsyncSupported(ASYNC_SUPPORTED);
        registration.addMappingForUrlPatterns(EnumSet.copyOf(DISPATCHER_TYPES), true, URL_PATTERN);
        context.setAttribute(LyticsRuntime.CONTEXT_ATTRIBUTE, runtime);
        return registration;
    }
}
