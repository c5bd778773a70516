package io.lytx.servers;

import static org.awaitility.Awaitility.await;

import java.lang.ref.WeakReference;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import org.eclipse.jetty.ee10.annotations.AnnotationConfiguration;
import org.eclipse.jetty.ee10.webapp.JspConfiguration;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.junit.jupiter.api.Test;

/**
 * The example WAR on an embedded Jetty 12 (ee10) in the test's JVM, bound to 127.0.0.1 on a free
 * port: deployed into the running server, the journey (it ends with a logout: Jetty keeps a live
 * session's inactivity timer, and with it the context, until the session expires), then undeployed
 * (stopped and removed while the server goes on), keeping only a weak reference to its class
 * loader. After a GC nothing may hold it (threads, thread-locals, JDK caches such as the record
 * methods' bootstrap cache): the old application would otherwise stay in the heap after each
 * redeploy.
 */
class JettyUndeployIT {

    @Test
    void theExampleLeavesNothingBehindAfterUndeployOnJetty() throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ContextHandlerCollection contexts = new ContextHandlerCollection();
        server.setHandler(contexts);
        server.start();
        try {
            WeakReference<ClassLoader> loader = deployRunUndeploy(contexts, connector.getLocalPort());
            await("the example's class loader collected after undeploy").atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(500)).until(() -> {
                        System.gc();
                        return loader.get() == null;
                    });
        } finally {
            server.stop();
        }
    }

    /** Deploys, runs the journey and undeploys; returns only a weak reference to the application's class loader. */
    private static WeakReference<ClassLoader> deployRunUndeploy(ContextHandlerCollection contexts, int port) throws Exception {
        WebAppContext webapp = new WebAppContext();
        webapp.setContextPath("/webapp-example");
        webapp.setWar(Servers.war().toString());
        webapp.setTempDirectory(Files.createTempDirectory("server-tests-jetty").toFile());
        webapp.addConfiguration(new AnnotationConfiguration(), new JspConfiguration());
        webapp.setThrowUnavailableOnStartupException(true);
        contexts.addHandler(webapp);
        webapp.start();
        try {
            new ExampleJourney(URI.create("http://127.0.0.1:" + port + "/webapp-example/")).run();
            return new WeakReference<>(webapp.getClassLoader());
        } finally {
            webapp.stop();
            contexts.removeHandler(webapp);
            webapp.destroy();
        }
    }
}
