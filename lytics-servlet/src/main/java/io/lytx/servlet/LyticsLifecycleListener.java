package io.lytx.servlet;

import io.lytx.servlet.config.ConfigSource;
import io.lytx.servlet.config.InvalidConfigException;
import io.lytx.servlet.config.LyticsConfig;
import io.lytx.servlet.internal.runtime.LyticsRuntime;
import io.lytx.servlet.internal.runtime.ServletAccess;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Owns the plugin's lifecycle in a web application: at start-up it reads the {@link LyticsConfig}
 * (init-parameters of the filter named {@value LyticsFilter#NAME}, context parameters, system
 * properties, environment), starts the {@link LyticsRuntime} and publishes it as a context
 * attribute; at undeploy ({@code contextDestroyed}, after every filter is destroyed) it flushes
 * queued events within the configured deadline (default 5 s) and stops every thread it started.
 *
 * <p>An invalid configuration value fails the deployment with a message naming the key and the
 * value; a missing token only disables the plugin, with one warning; any other start-up failure
 * is logged once and leaves the site running without the plugin (fail open). Registered by the jar's
 * {@code web-fragment.xml}.
 */
public class LyticsLifecycleListener implements ServletContextListener {

    private static final System.Logger LOG = System.getLogger(LyticsLifecycleListener.class.getName());

    static {
        ServletAccess.installRuntimes(LyticsLifecycleListener::runtime);
    }

    private final LyticsConfig given;
    private LyticsRuntime started;

    /** For the container: the configuration is read from the context at start-up. */
    public LyticsLifecycleListener() {
        this.given = null;
    }

    /**
     * For programmatic registration (Spring Boot's starter): a listener that starts the runtime from
     * {@code config}, already read and validated, instead of reading the context's parameters.
     *
     * @param config the configuration, never null
     * @throws NullPointerException if {@code config} is null
     */
    public LyticsLifecycleListener(LyticsConfig config) {
        this.given = Objects.requireNonNull(config, "config");
    }

    /**
     * The runtime this listener started and publishes, or null before {@code contextInitialized}, after
     * {@code contextDestroyed}, or when the runtime was registered by other code. Thread-safe.
     */
    synchronized LyticsRuntime runtime() {
        return started;
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        if (context.getAttribute(LyticsRuntime.CONTEXT_ATTRIBUTE) != null) {
            return; // registered programmatically: that code owns the runtime
        }
        LyticsConfig config;
        try {
            // a listener added in code may not ask the context for filter registrations (Servlet 4.4)
            config = given != null ? given : configFor(context, filterParams(context));
        } catch (InvalidConfigException e) {
            LOG.log(System.Logger.Level.ERROR, e.getMessage());
            throw e;
        }
        LyticsRuntime runtime;
        try {
            runtime = LyticsRuntime.start(config, context.getContextPath());
        } catch (RuntimeException | LinkageError e) {
            // fail open: the site keeps working without personalization
            LOG.log(System.Logger.Level.ERROR, "Lytics personalization could not start for context '"
                    + context.getContextPath() + "'; pages are served without it", e);
            runtime = LyticsRuntime.disabled(context.getContextPath());
        }
        synchronized (this) {
            started = runtime;
        }
        context.setAttribute(LyticsRuntime.CONTEXT_ATTRIBUTE, runtime);
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        LyticsRuntime runtime;
        synchronized (this) {
            runtime = started;
            started = null;
        }
        if (runtime != null) {
            event.getServletContext().removeAttribute(LyticsRuntime.CONTEXT_ATTRIBUTE);
            runtime.close();
        }
    }

    private static Map<String, String> filterParams(ServletContext context) {
        FilterRegistration filter = context.getFilterRegistration(LyticsFilter.NAME);
        return filter == null ? Map.of() : filter.getInitParameters();
    }

    /**
     * The config of a web application: filter init-parameters, context parameters, system
     * properties and environment, highest first.
     *
     * @param context      the servlet context, never null
     * @param filterParams the filter's init-parameters (may be empty), never null
     * @throws InvalidConfigException if a value is invalid
     */
    static LyticsConfig configFor(ServletContext context, Map<String, String> filterParams) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(filterParams, "filterParams");
        return LyticsConfig.load(List.of(
                ConfigSource.map("filter init-param", Map.copyOf(filterParams)),
                ConfigSource.of("context-param", context::getInitParameter),
                ConfigSource.systemProperties(),
                ConfigSource.environment()));
    }
}
