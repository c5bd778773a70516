package io.lytx.spring.boot;

import io.lytx.servlet.LyticsLifecycleListener;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code lytics} health contributor on Spring Boot 4: always UP, with the details of
 * {@link LyticsHealthDetails} (breaker state, latest upstream error, queue). Thread-safe.
 */
public final class LyticsHealthIndicator implements HealthIndicator {

    private final LyticsHealthDetails details;

    /** @param listener the plugin's lifecycle listener, whose runtime is read at each call */
    public LyticsHealthIndicator(LyticsLifecycleListener listener) {
        this.details = new LyticsHealthDetails(listener);
    }

    @Override
    public Health health() {
        return Health.up().withDetails(details.read()).build();
    }
}
