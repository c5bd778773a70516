package io.lytx.spring.boot;

import io.lytx.client.LyticsClient;
import io.lytx.servlet.LyticsFilter;
import io.lytx.servlet.LyticsInitializer;
import io.lytx.servlet.LyticsLifecycleListener;
import io.lytx.servlet.config.LyticsConfig;
import io.lytx.servlet.internal.runtime.LyticsRuntime;
import io.lytx.thymeleaf.LyticsDialect;
import java.util.EnumSet;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletListenerRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lytics personalization for a Spring Boot servlet web application: the settings {@code lytics.*}
 * ({@link LyticsProperties}) become a validated {@link LyticsConfig}; the plugin's lifecycle listener
 * (which starts, publishes and stops the runtime) and its filter are registered with Boot's registration
 * beans, the filter after Spring Security's; the Thymeleaf dialect is a bean when Thymeleaf's Spring
 * integration is present, and a {@link LyticsClient} bean serves the site's own calls to Lytics when a
 * token is set. Off with {@code lytics.enabled=false}. Every bean is conditional on a missing bean of its
 * type (the registrations: of their name), so a site replaces any one by declaring its own.
 *
 * <p>An invalid setting fails start-up with a message naming the property; no token leaves the site
 * running unpersonalized, with one warning.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "lytics", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(LyticsProperties.class)
public class LyticsAutoConfiguration {

    /**
     * Default {@code lytics.filter-order}: just after Spring Security's filter chain (whose default order,
     * {@code spring.security.filter.order}, is -100), before filters without an order.
     */
    public static final int DEFAULT_FILTER_ORDER = -90;

    /** Bean name of the filter registration. */
    public static final String FILTER_REGISTRATION = "lyticsFilterRegistration";

    /** Bean name of the listener registration. */
    public static final String LISTENER_REGISTRATION = "lyticsListenerRegistration";

    /**
     * The plugin's configuration from the {@code lytics.*} properties.
     *
     * @throws io.lytx.servlet.config.InvalidConfigException if a value is invalid (its message names the
     *                                                       property)
     */
    @Bean
    @ConditionalOnMissingBean
    public LyticsConfig lyticsConfig(LyticsProperties properties) {
        return BootConfigSources.load(properties);
    }

    /** Starts the runtime when the servlet context starts, publishes it, and flushes and stops it at shutdown. */
    @Bean
    @ConditionalOnMissingBean
    public LyticsLifecycleListener lyticsLifecycleListener(LyticsConfig config) {
        return new LyticsLifecycleListener(config);
    }

    /** Registers the lifecycle listener with the embedded container. */
    @Bean(LISTENER_REGISTRATION)
    @ConditionalOnMissingBean(name = LISTENER_REGISTRATION)
    public ServletListenerRegistrationBean<LyticsLifecycleListener> lyticsListenerRegistration(
            LyticsLifecycleListener listener) {
        return new ServletListenerRegistrationBean<>(listener);
    }

    /**
     * Registers the filter as {@link LyticsInitializer} does (name, every path, REQUEST dispatches, async),
     * at {@code lytics.filter-order}. The filter uses the runtime the listener publishes.
     */
    @Bean(FILTER_REGISTRATION)
    @ConditionalOnMissingBean(name = FILTER_REGISTRATION)
    public FilterRegistrationBean<LyticsFilter> lyticsFilterRegistration(LyticsProperties properties) {
        FilterRegistrationBean<LyticsFilter> registration = new FilterRegistrationBean<>(new LyticsFilter());
        registration.setName(LyticsFilter.NAME);
        registration.setUrlPatterns(List.of(LyticsInitializer.URL_PATTERN));
        registration.setDispatcherTypes(EnumSet.copyOf(LyticsInitializer.DISPATCHER_TYPES));
        registration.setAsyncSupported(LyticsInitializer.ASYNC_SUPPORTED);
        registration.setOrder(properties.getFilterOrder());
        return registration;
    }

    /**
     * A client of the Lytics REST API for the site's own calls (segments, content, collect), set up like
     * the plugin's; present when a token is set; closed at shutdown.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "lytics", name = "api-token")
    public LyticsClient lyticsClient(LyticsConfig config) {
        return LyticsRuntime.newClient(config);
    }

    /** The Thymeleaf dialect, picked up by Boot's Thymeleaf auto-configuration. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"io.lytx.thymeleaf.LyticsDialect", "org.thymeleaf.spring6.SpringTemplateEngine"})
    static class Thymeleaf {

        @Bean
        @ConditionalOnMissingBean
        LyticsDialect lyticsDialect() {
            return new LyticsDialect();
        }
    }
}
