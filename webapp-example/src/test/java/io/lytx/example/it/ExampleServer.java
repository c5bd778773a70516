package io.lytx.example.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.ee10.annotations.AnnotationConfiguration;
import org.eclipse.jetty.ee10.webapp.JspConfiguration;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The example's built WAR ({@code target/webapp-example.war}, system property {@code example.war})
 * deployed on an embedded Jetty 12 (ee10) bound to 127.0.0.1 on a free port, exactly as a servlet
 * container deploys it: the library only as {@code WEB-INF/lib} jars with its web fragment, the
 * sandbox started by the example's own listener (LYTICS_API_URL is blanked by failsafe).
 */
final class ExampleServer implements AutoCloseable {

    private final Server server;
    private final URI baseUri;

    private ExampleServer(Server server, URI baseUri) {
        this.server = server;
        this.baseUri = baseUri;
    }

    static ExampleServer start() {
        String war = System.getProperty("example.war");
        if (war == null || !Files.isRegularFile(Path.of(war))) {
            throw new IllegalStateException("system property example.war must name the built WAR, was " + war);
        }
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        WebAppContext webapp = new WebAppContext();
        webapp.setContextPath("/");
        webapp.setWar(war);
        try {
            webapp.setTempDirectory(Files.createTempDirectory("webapp-example-jetty").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        webapp.addConfiguration(new AnnotationConfiguration(), new JspConfiguration());
        webapp.setThrowUnavailableOnStartupException(true);
        server.setHandler(webapp);
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("the example did not start", e);
        }
        return new ExampleServer(server, URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/"));
    }

    URI baseUri() {
        return baseUri;
    }

    URI uri(String path) {
        return baseUri.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the example", e);
        } catch (Exception e) {
            throw new IllegalStateException("the example did not stop cleanly", e);
        }
    }
}
