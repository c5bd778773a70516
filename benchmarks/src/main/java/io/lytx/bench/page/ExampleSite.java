package io.lytx.bench.page;

import jakarta.servlet.DispatcherType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee10.annotations.AnnotationConfiguration;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.webapp.JspConfiguration;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The example's WAR ({@code webapp-example/target/webapp-example.war}) deployed twice in one JVM on
 * the Jetty that {@code jetty:run} uses: once as shipped (plugin on) and once with the context
 * parameter {@code lytics.enabled=false} (plugin off), each on its own loopback port. The upstream
 * comes from the system properties {@code lytics.api.url} / {@code lytics.api.token}, which the
 * example and the library both read. Prints {@code EXAMPLE <on-url> <off-url>} when both answer, and
 * stops when its standard input closes. Meant to run in a child JVM of {@link ExamplePageRun}; with
 * a second argument {@code on} or {@code off} it deploys one side only (its other URL printed as
 * {@code -}), to compare the two sides in JVMs of their own. Both deployments also run {@link BusyWork}:
 * a request with its header does about {@code -Dbench.work.micros} (default 1000) µs of CPU first.
 */
public final class ExampleSite {

    private ExampleSite() {
    }

    /**
     * @param args the WAR's path; then {@code both} (default), {@code on} or {@code off}: which deployments
     * @throws Exception if a server does not start
     */
    public static void main(String[] args) throws Exception {
        Path war = Path.of(args.length > 0 ? args[0] : "webapp-example/target/webapp-example.war");
        if (!Files.isRegularFile(war)) {
            throw new IllegalArgumentException("no WAR at " + war.toAbsolutePath()
                    + " (build it: mvn -B -pl webapp-example -am package -Dmaven.test.skip=true)");
        }
        String sides = args.length > 1 ? args[1] : "both";
        if (!List.of("both", "on", "off").contains(sides)) {
            throw new IllegalArgumentException("second argument: both, on or off, not " + sides);
        }
        long micros = Long.getLong("bench.work.micros", 1000);
        long rounds = BusyWork.calibrate(micros);
        System.out.println("page work: " + rounds + " xorshift rounds = " + micros
                + " µs of CPU (calibrated at start), on requests with the header " + BusyWork.HEADER);
        Server on = sides.equals("off") ? null : start(war, true, rounds);
        Server off = sides.equals("on") ? null : start(war, false, rounds);
        System.out.println("EXAMPLE " + (on == null ? "-" : url(on)) + " " + (off == null ? "-" : url(off)));
        System.out.flush();
        while (System.in.read() >= 0) {
            // until the parent closes our input
        }
        if (off != null) {
            off.stop();
        }
        if (on != null) {
            on.stop();
        }
    }

    private static Server start(Path war, boolean pluginOn, long workRounds) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        WebAppContext webapp = new WebAppContext();
        webapp.setContextPath("/");
        webapp.setWar(war.toString());
        webapp.setTempDirectory(Files.createTempDirectory("example-" + (pluginOn ? "on" : "off")).toFile());
        webapp.addConfiguration(new AnnotationConfiguration(), new JspConfiguration());
        webapp.setThrowUnavailableOnStartupException(true);
        if (!pluginOn) {
            webapp.setInitParameter("lytics.enabled", "false");
        }
        // the page's own work, on requests that ask for it (the "realistic page" of the figure)
        webapp.addFilter(new FilterHolder(new BusyWork(workRounds)), "/*", EnumSet.of(DispatcherType.REQUEST));
        server.setHandler(webapp);
        server.start();
        return server;
    }

    private static String url(Server server) throws IOException {
        ServerConnector c = (ServerConnector) server.getConnectors()[0];
        return "http://127.0.0.1:" + c.getLocalPort() + "/";
    }
}
