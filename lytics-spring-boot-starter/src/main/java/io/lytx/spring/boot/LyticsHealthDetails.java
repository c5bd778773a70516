package io.lytx.spring.boot;

import io.lytx.servlet.LyticsLifecycleListener;
import io.lytx.servlet.internal.metrics.LyticsMetrics;
import io.lytx.servlet.internal.runtime.LyticsRuntime;
import io.lytx.servlet.internal.runtime.ServletAccess;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The details of the {@code lytics} health contributor, the same on every Spring Boot line: whether
 * personalization is on (and why not), the circuit breaker's state, the latest failed call to Lytics,
 * and the forwarding queue. The contributor is always UP: personalization is optional, so Lytics being
 * down never takes the site's health down; {@code state} says {@code degraded} while the breaker is not
 * closed. Reads live counters; never calls Lytics. Thread-safe.
 */
final class LyticsHealthDetails {

    private final LyticsLifecycleListener listener;

    LyticsHealthDetails(LyticsLifecycleListener listener) {
        this.listener = listener;
    }

    Map<String, Object> read() {
        Map<String, Object> out = new LinkedHashMap<>();
        LyticsRuntime runtime = ServletAccess.runtime(listener);
        if (runtime == null) {
            out.put("state", "stopped");
            return out;
        }
        if (!runtime.active()) {
            out.put("state", "disabled");
            out.put("reason", runtime.config().inactiveReason() == null ? "start-up failed"
                    : runtime.config().inactiveReason());
            return out;
        }
        LyticsMetrics m = runtime.metrics();
        String breaker = m.getBreakerState();
        out.put("state", "CLOSED".equals(breaker) ? "ok" : "degraded");
        out.put("apiUrl", runtime.config().apiUrl().toString());
        out.put("breaker", breaker);
        m.lastUpstreamError().ifPresent(e -> {
            Map<String, Object> last = new LinkedHashMap<>();
            last.put("at", e.at().toString());
            last.put("api", e.api().tag());
            last.put("outcome", e.outcome().tag());
            last.put("what", e.what());
            out.put("lastUpstreamError", last);
        });
        out.put("queueDepth", m.getQueueDepth());
        out.put("queueBytes", m.getQueueBytes());
        out.put("eventsDropped", m.getEventsDropped());
        return out;
    }
}
