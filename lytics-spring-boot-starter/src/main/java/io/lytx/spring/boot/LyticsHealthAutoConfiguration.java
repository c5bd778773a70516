package io.lytx.spring.boot;

import io.lytx.servlet.LyticsLifecycleListener;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code lytics} health contributor (bean {@value #BEAN}), on Spring Boot 4 or 3 (each has its own
 * health API; only the one present is loaded). Off with {@code management.health.lytics.enabled=false}.
 */
@AutoConfiguration(after = LyticsAutoConfiguration.class)
@ConditionalOnBean(LyticsLifecycleListener.class)
@ConditionalOnProperty(prefix = "management.health.lytics", name = "enabled", havingValue = "true",
        matchIfMissing = true)
public class LyticsHealthAutoConfiguration {

    /** The bean name; Boot names the contributor {@code lytics} after it. */
    public static final String BEAN = "lyticsHealthIndicator";

    /** Spring Boot 4: {@code org.springframework.boot.health.contributor}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    static class Boot4 {

        @Bean(BEAN)
        @ConditionalOnMissingBean(name = BEAN)
        LyticsHealthIndicator lyticsHealthIndicator(LyticsLifecycleListener listener) {
            return new LyticsHealthIndicator(listener);
        }
    }

    /** Spring Boot 3: {@code org.springframework.boot.actuate.health}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
    static class Boot3 {

        @Bean(BEAN)
        @ConditionalOnMissingBean(name = BEAN)
        LyticsBoot3HealthIndicator lyticsHealthIndicator(LyticsLifecycleListener listener) {
            return new LyticsBoot3HealthIndicator(listener);
        }
    }
}
