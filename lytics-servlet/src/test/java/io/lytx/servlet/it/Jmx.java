package io.lytx.servlet.it;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/** Reads the plugin's metrics MBean of a deployment (the embedded container shares the test JVM). */
final class Jmx {

    private Jmx() {
    }

    /** The context path of a deployment from its base URL ({@code http://host:port/ctx/} gives {@code /ctx}). */
    static String contextOf(java.net.URL base) {
        String path = base.getPath();
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /**
     * The context path of the deployed plugin whose path ends with {@code suffix} (Jetty's Arquillian
     * adapter prefixes the archive name), found through its MBean; null when none is registered.
     */
    static String findContext(String suffix) {
        try {
            for (ObjectName n : ManagementFactory.getPlatformMBeanServer()
                    .queryNames(new ObjectName("io.lytx:type=Lytics,*"), null)) {
                String context = ObjectName.unquote(n.getKeyProperty("context"));
                if (context.endsWith(suffix)) {
                    return context;
                }
            }
            return null;
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }

    static Object attribute(String contextPath, String attribute) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            ObjectName name = new ObjectName("io.lytx:type=Lytics,context=" + ObjectName.quote(contextPath));
            return server.getAttribute(name, attribute);
        } catch (JMException e) {
            throw new IllegalStateException("no metrics for " + contextPath + ": " + e + "; registered: "
                    + server.queryNames(null, null).stream().filter(n -> n.getDomain().startsWith("io.lytx")).toList(), e);
        }
    }

    static long counter(String contextPath, String attribute) {
        return ((Number) attribute(contextPath, attribute)).longValue();
    }

    static boolean registered(String contextPath) {
        try {
            return ManagementFactory.getPlatformMBeanServer().isRegistered(
                    new ObjectName("io.lytx:type=Lytics,context=" + ObjectName.quote(contextPath)));
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }
}
