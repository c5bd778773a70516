package io.lytx.servlet.internal.metrics;

import io.lytx.servlet.metrics.LyticsMetricsMXBean;
import java.lang.management.ManagementFactory;
import java.util.Objects;
import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Registers the metrics MBean of one deployment under
 * {@code io.lytx:type=Lytics,context="<context path>"} (with {@code ,instance=N} added when that
 * name is taken, e.g. two deployments of one path in one JVM) and unregisters it on close, so an
 * undeployed application leaves nothing behind. Thread-safe; failures are reported, never thrown.
 */
public final class JmxRegistration implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(JmxRegistration.class.getName());

    private final MBeanServer server;
    private final ObjectName name;

    private JmxRegistration(MBeanServer server, ObjectName name) {
        this.server = server;
        this.name = name;
    }

    /**
     * Registers {@code metrics} in the platform MBean server.
     *
     * @param contextPath the web app's context path ("" for the root), never null
     * @param metrics     the MBean, never null
     * @return the registration; its {@link #name()} is null when registration failed (logged once)
     */
    public static JmxRegistration register(String contextPath, LyticsMetricsMXBean metrics) {
        Objects.requireNonNull(contextPath, "contextPath");
        Objects.requireNonNull(metrics, "metrics");
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        String base = "io.lytx:type=Lytics,context=" + ObjectName.quote(contextPath.isEmpty() ? "/" : contextPath);
        for (int instance = 0; instance < 100; instance++) {
            try {
                ObjectName name = new ObjectName(instance == 0 ? base : base + ",instance=" + instance);
                server.registerMBean(metrics, name);
                return new JmxRegistration(server, name);
            } catch (InstanceAlreadyExistsException taken) {
                // try the next instance number
            } catch (JMException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Lytics metrics MBean not registered: " + e);
                break;
            }
        }
        return new JmxRegistration(server, null);
    }

    /** The registered name, or null when not registered. */
    public ObjectName name() {
        return name;
    }

    /** Unregisters the MBean; idempotent. */
    @Override
    public synchronized void close() {
        if (name == null) {
            return;
        }
        try {
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
        } catch (JMException e) {
            LOG.log(System.Logger.Level.WARNING, "Lytics metrics MBean not unregistered: " + e);
        }
    }
}
