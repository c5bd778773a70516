package io.lytx.servlet.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Undeploying an application flushes the page views still queued into the sandbox and leaves no
 * thread of the plugin running, and no MBean registered.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UndeployIT {

    private static final String FLUSHING = "undeploy-flush";

    @ArquillianResource
    private URL probe;

    @ArquillianResource
    private Deployer deployer;

    /** An app without the plugin: it tells the container's address. */
    @Deployment(name = "probe", testable = false)
    static WebArchive probeApp() {
        return TestApps.plain("undeploy-probe");
    }

    /** Events linger for a minute in its queue, so only the undeploy flush can send them in time. */
    @Deployment(name = FLUSHING, managed = false, testable = false)
    static WebArchive flushingApp() {
        LogCapture.install();
        return TestApps.withPlugin(FLUSHING, Map.of(
                "lytics.api.url", SharedSandbox.get().baseUri().toString(),
                "lytics.api.token", SharedSandbox.get().adminToken(),
                "lytics.budget.ms", "500",
                "lytics.batch.linger.ms", "60000"));
    }

    @Test
    void undeployFlushesQueuedEventsAndStopsEveryThread() {
        assertThat(OurThreads.alive()).as("threads of the plugin before deployment").isEmpty();
        deployer.deploy(FLUSHING);
        String context = Jmx.findContext(FLUSHING);
        assertThat(context).as("context path of the deployed app").isNotNull();
        URI page = Http.base(probe).resolve(context + "/page");
        SandboxAdmin sandbox = new SandboxAdmin(SharedSandbox.get());

        List<String> visitors = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> r = Http.getPage(page, null);
            assertThat(r.statusCode()).isEqualTo(200);
            visitors.add(Http.setCookieValue(r, "seerid"));
        }
        assertThat(visitors).doesNotContainNull();
        assertThat(OurThreads.alive()).as("the plugin runs a collector while deployed").isNotEmpty();
        assertThat(Jmx.counter(context, "QueueDepth")).as("events still queued (linger 60 s)").isEqualTo(5);
        assertThat(visitors).noneMatch(v -> sandbox.hasProfile("_uid", v));

        deployer.undeploy(FLUSHING);

        assertThat(visitors).as("profiles built from the flushed page views")
                .allMatch(v -> sandbox.hasProfile("_uid", v));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(
                () -> assertThat(OurThreads.alive()).as("threads of the plugin after undeploy").isEmpty());
        assertThat(Jmx.registered(context)).isFalse();
        // Tomcat's leak detector (Jetty has none) would log this for a thread left behind
        assertThat(LogCapture.install().lines()).as("container log after undeploy")
                .noneMatch(l -> l.contains("appears to have started a thread") && l.contains(FLUSHING));
    }
}
