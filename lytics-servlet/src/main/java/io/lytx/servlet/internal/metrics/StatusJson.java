package io.lytx.servlet.internal.metrics;

import io.lytx.client.internal.Jsonp;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.util.Map;
import java.util.Objects;

/**
 * Renders the JSON document of the status endpoint: {@code {"metrics":{...},"config":{...}}}. The
 * config part comes from {@link io.lytx.servlet.config.LyticsConfig#describe()}, which reports the
 * token only as {@code "set"}/{@code "absent"}. Every value that is a URL is shown without user info,
 * query or fragment, and a URL of an internal host (loopback, private addresses, single-label or
 * {@code .internal}-style names) only as {@code "(internal host)"}: the endpoint never tells where
 * the internal services are. Stateless and thread-safe.
 */
public final class StatusJson {

    private StatusJson() {
    }

    /**
     * The JSON text.
     *
     * @param metrics metrics by name (numbers, booleans, text), never null
     * @param config  config description by key, never null
     */
    public static String render(Map<String, Object> metrics, Map<String, String> config) {
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(config, "config");
        StringWriter out = new StringWriter(1024);
        try (JsonGenerator g = Jsonp.PROVIDER.createGenerator(out)) {
            g.writeStartObject();
            g.writeStartObject("metrics");
            for (Map.Entry<String, Object> e : metrics.entrySet()) {
                Object v = e.getValue();
                if (v instanceof Long l) {
                    g.write(e.getKey(), l);
                } else if (v instanceof Integer i) {
                    g.write(e.getKey(), i);
                } else if (v instanceof Double d) {
                    g.write(e.getKey(), Double.isFinite(d) ? d : 0.0);
                } else if (v instanceof Boolean b) {
                    g.write(e.getKey(), b);
                } else {
                    g.write(e.getKey(), shown(String.valueOf(v)));
                }
            }
            g.writeEnd();
            g.writeStartObject("config");
            for (Map.Entry<String, String> e : config.entrySet()) {
                g.write(e.getKey(), shown(e.getValue()));
            }
            g.writeEnd();
            g.writeEnd();
        }
        return out.toString();
    }

    private static String shown(String value) {
        return value != null && ShownUrl.isUrl(value) ? ShownUrl.of(value) : value;
    }
}
