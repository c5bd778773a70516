package io.lytx.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The example WAR on Payara Micro ({@code fish.payara.extras:payara-micro}), started as a child
 * process. Payara's own Jersey 3.1, JAX-RS 3.1 and Yasson win over the WAR's copies (its web class
 * loader delegates to the server first; with {@code <class-loader delegate="false"/>} the WAR's
 * Jersey finds Payara's own Jersey extensions and the deployment fails with a ClassCastException):
 * this is the combination the test runs. Bound to loopback: the HTTP listener on 127.0.0.1 and a free port, no
 * HTTPS listener, clustering and the Hazelcast data grid off (by default it listens on every
 * interface), all through a pre-boot command file. The server is stopped with SIGTERM, which
 * undeploys the WAR: no SEVERE logged.
 */
class PayaraMicroIT {

    @Test
    void theExampleRunsOnPayaraMicroAndStopsCleanly() throws IOException {
        Path jar = Servers.path("servers.payara.jar");
        Path dir = jar.resolveSibling("payara");
        Files.createDirectories(dir);
        int http = LoopbackPorts.free(1).get(0);
        Path preboot = Files.writeString(dir.resolve("preboot.asadmin"), String.join("\n",
                "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1",
                "set configs.config.server-config.network-config.network-listeners.network-listener.https-listener.enabled=false",
                "set configs.config.server-config.hazelcast-config-specific-configuration.enabled=false", ""));
        List<String> command = List.of(Servers.java(), "-Xmx768m", "-jar", jar.toString(),
                "--nocluster", "--port", Integer.toString(http), "--prebootcommandfile", preboot.toString(),
                "--rootdir", dir.resolve("root").toString(), "--disablephonehome",
                "--deploy", Servers.war().toString(), "--contextroot", "/webapp-example");
        try (ServerProcess payara = ServerProcess.start("Payara Micro", command, dir, dir.resolve("console.log"), Map.of())) {
            payara.awaitConsole("started", l -> l.contains("Payara Micro") && l.contains("ready in"), Duration.ofMinutes(5));
            assertThat(payara.console()).as("boot and deployment").contains("webapp-example was successfully deployed")
                    .doesNotContain("SEVERE");
            assertThat(ListeningSockets.of(payara.tree().stream().map(ProcessHandle::pid).toList()))
                    .as("every socket Payara Micro (and the example's sandbox) listens on").isNotEmpty()
                    .allMatch(ListeningSockets.Listener::loopbackOnly);

            new ExampleJourney(URI.create("http://127.0.0.1:" + http + "/webapp-example/")).run();

            assertThat(payara.stopGracefully()).as("Payara Micro stopped on SIGTERM").isTrue();
            assertThat(payara.console()).as("Payara Micro's log, undeploy at shutdown included").doesNotContain("SEVERE");
        }
    }
}
