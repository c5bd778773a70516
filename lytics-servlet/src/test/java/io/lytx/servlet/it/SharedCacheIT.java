package io.lytx.servlet.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lytx.servlet.testing.HazelcastNodes;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Many nodes, one Lytics account: web applications with the plugin, each a node with its own Hazelcast
 * member started by the JCache provider from the same configuration file (as every node of a site would
 * have it), clustered over TCP on loopback, sharing profile lookups in front of the sandbox.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SharedCacheIT {

    private static final HazelcastNodes CLUSTER = new HazelcastNodes(3);

    @ArquillianResource
    private URL probe;

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = "probe", testable = false)
    static WebArchive probeApp() {
        return TestApps.plain("shared-probe");
    }

    @Deployment(name = "node-a", managed = false, testable = false)
    static WebArchive nodeA() {
        return node("shared-node-a");
    }

    @Deployment(name = "node-b", managed = false, testable = false)
    static WebArchive nodeB() {
        return node("shared-node-b");
    }

    @Deployment(name = "node-c", managed = false, testable = false)
    static WebArchive nodeC() {
        return node("shared-node-c");
    }

    private static WebArchive node(String name) {
        return TestApps.withPlugin(name, Map.of(
                "lytics.api.url", SharedSandbox.get().baseUri().toString(),
                "lytics.api.token", SharedSandbox.get().adminToken(),
                "lytics.budget.ms", "2000",
                "lytics.collect.enabled", "false",
                "lytics.cache.shared", "jcache",
                "lytics.cache.shared.provider", "com.hazelcast.cache.HazelcastMemberCachingProvider",
                "lytics.cache.shared.properties", "hazelcast.config.location=" + CLUSTER.uri(),
                "lytics.cache.shared.timeout.ms", "500"));
    }

    @AfterAll
    static void stopCluster() {
        CLUSTER.shutdown();
    }

    /** The page of a deployed node (containers choose the context path: it is looked up). */
    private URI page(String deployment) {
        String context = Jmx.findContext(deployment);
        assertThat(context).as("context path of " + deployment).isNotNull();
        return Http.base(probe).resolve(context + "/page");
    }

    private void deploy(int member, String deployment) {
        HazelcastNodes.asMember(member, () -> {
            deployer.deploy(deployment);
            return null;
        });
    }

    @Test
    void nodesShareLookupsTolerateNodesComingAndGoingAndRespectLyticsLimits() {
        SandboxAdmin sandbox = new SandboxAdmin(SharedSandbox.get());
        deploy(0, "node-a");
        deploy(1, "node-b");
        try {
            CLUSTER.awaitSafe(2);

            // 1. input: one visitor's first page on node a, then a page on node b; what must hold: one
            // entity call to Lytics across the cluster (the sandbox's own count)
            String visitor = UUID.randomUUID().toString();
            sandbox.resetStats();
            int before = CLUSTER.cachedEntries();
            HttpResponse<String> onA = Http.getPage(page("shared-node-a"), "seerid=" + visitor);
            assertThat(Http.lines(onA.body())).as("%s", onA.uri()).containsEntry("status", "NEW_VISITOR");
            await().atMost(Duration.ofSeconds(20)).until(() -> CLUSTER.cachedEntries() > before);
            HttpResponse<String> onB = Http.getPage(page("shared-node-b"), "seerid=" + visitor);
            assertThat(Http.lines(onB.body())).containsEntry("status", "NEW_VISITOR").containsEntry("visitorId", visitor);
            assertThat(sandbox.count(SandboxAdmin.ENTITY_ROUTE)).as("entity calls for one visitor on two nodes")
                    .isEqualTo(1);

            // 2. input: pages on nodes a and b while node c joins the cluster and then leaves; what must
            // hold: every page answers 200 with a visitor, none fails
            List<String> visitors = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                visitors.add(UUID.randomUUID().toString());
            }
            URI pageA = page("shared-node-a");
            URI pageB = page("shared-node-b");
            List<HttpResponse<String>> pages = new ArrayList<>();
            AtomicBoolean traffic = new AtomicBoolean(true);
            CompletableFuture<Void> load = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 400 && traffic.get(); i++) {
                    String id = visitors.get(i % visitors.size());
                    HttpResponse<String> r = Http.getPage(i % 2 == 0 ? pageA : pageB, "seerid=" + id);
                    synchronized (pages) {
                        pages.add(r);
                    }
                }
            });
            deploy(2, "node-c");
            CLUSTER.awaitSafe(3);
            deployer.undeploy("node-c");
            // the member node c started (from hazelcast.config.location) stops with it: nothing left behind
            await().atMost(Duration.ofSeconds(30)).until(() -> CLUSTER.member(2) == null);
            CLUSTER.awaitSafe(2);
            traffic.set(false);
            load.join();
            synchronized (pages) {
                assertThat(pages).isNotEmpty();
                List<String> broken = pages.stream()
                        .filter(r -> r.statusCode() != 200 || !visitors.contains(Http.lines(r.body()).get("visitorId")))
                        .map(r -> r.statusCode() + " " + Http.lines(r.body()))
                        .limit(5).toList();
                assertThat(broken).as("pages that failed or lost their visitor while a node came and went").isEmpty();
            }

            // 3. input: Lytics answers 429 with Retry-After: 30 (the sandbox's fault injection); what must
            // hold: node a asks once, then serves new visitors unavailable without asking again
            sandbox.putFault("{\"route\":\"" + SandboxAdmin.ENTITY_ROUTE + "\",\"status\":429,\"retry_after\":\"30\"}");
            try {
                sandbox.resetStats();
                for (int i = 0; i < 10; i++) {
                    HttpResponse<String> r = Http.getPage(page("shared-node-a"), "seerid=" + UUID.randomUUID());
                    assertThat(r.statusCode()).isEqualTo(200);
                    assertThat(Http.lines(r.body())).containsEntry("status", "UNAVAILABLE");
                }
                assertThat(sandbox.count(SandboxAdmin.ENTITY_ROUTE)).as("entity calls after a 429").isEqualTo(1);
            } finally {
                sandbox.clearFaults();
            }
        } finally {
            deployer.undeploy("node-b");
            deployer.undeploy("node-a");
        }
    }
}
