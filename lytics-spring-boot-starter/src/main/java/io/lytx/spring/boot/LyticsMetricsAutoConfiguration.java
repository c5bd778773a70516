package io.lytx.spring.boot;

import io.lytx.servlet.LyticsLifecycleListener;
import io.lytx.servlet.metrics.micrometer.LyticsMeterBinder;
import io.micrometer.core.instrument.Tags;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The plugin's Micrometer meters ({@code lytics.*}, see {@link LyticsMeterBinder}) as a
 * {@code MeterBinder} bean, which Boot binds to its registry. Active when Micrometer is present.
 */
@AutoConfiguration(after = LyticsAutoConfiguration.class)
@ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
@ConditionalOnBean(LyticsLifecycleListener.class)
public class LyticsMetricsAutoConfiguration {

    /** The meters of the runtime that {@code listener} starts (read 0 before it starts). */
    @Bean
    @ConditionalOnMissingBean
    public LyticsMeterBinder lyticsMeterBinder(LyticsLifecycleListener listener) {
        return LyticsMeterBinder.of(listener, Tags.empty());
    }
}
