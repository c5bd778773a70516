package io.lytx.spring.boot;

import io.lytx.servlet.LyticsLifecycleListener;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The {@code lytics} health contributor on Spring Boot 3 (whose health API lives in
 * {@code org.springframework.boot.actuate.health}): always UP, with the details of
 * {@link LyticsHealthDetails}. Thread-safe.
 */
public final class LyticsBoot3HealthIndicator implements HealthIndicator {

    private final LyticsHealthDetails details;

    /** @param listener the plugin's lifecycle listener, whose runtime is read at each call */
    public LyticsBoot3HealthIndicator(LyticsLifecycleListener listener) {
        this.details = new LyticsHealthDetails(listener);
    }

    @Override
    public Health health() {
        return Health.up().withDetails(details.read()).build();
    }
}
