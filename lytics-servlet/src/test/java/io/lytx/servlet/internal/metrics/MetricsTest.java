package io.lytx.servlet.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.lytx.servlet.metrics.LyticsMetricsMXBean;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void mbeanIsReadableOverJmxAndGoneAfterClose() throws Exception {
        FilterCounters counters = new FilterCounters();
        counters.page();
        counters.page();
        counters.bot();
        counters.offered(false);
        LyticsMetrics metrics = new LyticsMetrics(false, counters, null, null);
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();

        ObjectName name;
        try (JmxRegistration first = JmxRegistration.register("/shop", metrics);
             JmxRegistration second = JmxRegistration.register("/shop", metrics)) {
            name = first.name();
            assertThat(name).isNotNull();
            assertThat(second.name()).isNotEqualTo(name);
            assertThat(server.getAttribute(name, "Pages")).isEqualTo(2L);
            assertThat(server.getAttribute(name, "Bots")).isEqualTo(1L);
            assertThat(server.getAttribute(name, "Active")).isEqualTo(false);
            assertThat(server.getAttribute(name, "BreakerState")).isEqualTo("NONE");
        }
        assertThat(server.isRegistered(name)).isFalse();
    }

    @Test
    void theStatusDocumentListsEveryAttributeOfTheMBean() {
        // input: the MXBean interface's attributes (getX / isX); must hold: the status endpoint's snapshot has
        // a key for each (x with a small first letter), so neither view of the metrics lacks what the other has
        Set<String> attributes = new TreeSet<>();
        for (Method m : LyticsMetricsMXBean.class.getMethods()) {
            String n = m.getName();
            String attribute = n.startsWith("get") ? n.substring(3) : n.startsWith("is") ? n.substring(2) : null;
            if (attribute != null && m.getParameterCount() == 0) {
                attributes.add(Character.toLowerCase(attribute.charAt(0)) + attribute.substring(1));
            }
        }
        LyticsMetrics metrics = new LyticsMetrics(true, new FilterCounters(), null, null);

        assertThat(new TreeSet<>(metrics.snapshot().keySet())).isEqualTo(attributes);
    }

    @Test
    void statusJsonIsValidJsonWithEveryMetric() {
        LyticsMetrics metrics = new LyticsMetrics(true, new FilterCounters(), null, null);
        String json = StatusJson.render(metrics.snapshot(), Map.of("lytics.api.token", "set", "q\"uote", "a\nb"));

        JsonObject parsed = Json.createReader(new StringReader(json)).readObject();
        assertThat(parsed.getJsonObject("metrics").getBoolean("active")).isTrue();
        assertThat(parsed.getJsonObject("metrics").getJsonNumber("eventsDropped").longValue()).isZero();
        assertThat(parsed.getJsonObject("config").getString("q\"uote")).isEqualTo("a\nb");
    }
}
