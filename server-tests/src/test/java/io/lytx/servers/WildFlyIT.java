package io.lytx.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The example WAR on WildFly ({@code org.wildfly:wildfly-dist}, the standalone server with its
 * default configuration), started by its own script as a child process, every socket bound to
 * 127.0.0.1 on free ports. WildFly puts its own JAX-RS API and RESTEasy ahead of the WAR's
 * libraries: the journey shows the plugin still reads profiles and content through its Jersey
 * client. The WAR is deployed by the deployment scanner, then removed: WildFly undeploys it and
 * logs no ERROR.
 */
class WildFlyIT {

    @Test
    void theExampleRunsOnWildFlyAndUndeploysCleanly() throws IOException {
        Path home = Servers.path("servers.wildfly.home");
        Path deployments = home.resolve("standalone/deployments");
        Path war = deployments.resolve("webapp-example.war");
        Files.copy(Servers.war(), war, StandardCopyOption.REPLACE_EXISTING);
        List<Integer> ports = LoopbackPorts.free(4);
        int http = ports.get(0);
        List<String> command = List.of("sh", home.resolve("bin/standalone.sh").toString(),
                "-Djboss.bind.address=127.0.0.1", "-Djboss.bind.address.management=127.0.0.1",
                "-Djboss.http.port=" + http, "-Djboss.https.port=" + ports.get(1),
                "-Djboss.management.http.port=" + ports.get(2), "-Djboss.management.https.port=" + ports.get(3));
        Map<String, String> env = Map.of("JAVA_HOME", System.getProperty("java.home"), "JAVA_OPTS", "-Xmx768m");
        try (ServerProcess wildfly = ServerProcess.start("WildFly", command, home, home.resolve("standalone/log/console.log"), env)) {
            wildfly.awaitConsole("started", l -> l.contains("WFLYSRV0025"), Duration.ofMinutes(4));
            assertThat(wildfly.console()).as("boot and deployment").contains("WFLYSRV0010: Deployed \"webapp-example.war\"")
                    .doesNotContain(" ERROR ").doesNotContain("WFLYWELD0013");
            assertThat(ListeningSockets.of(wildfly.tree().stream().map(ProcessHandle::pid).toList()))
                    .as("every socket WildFly (and the example's sandbox) listens on").isNotEmpty()
                    .allMatch(ListeningSockets.Listener::loopbackOnly);

            new ExampleJourney(URI.create("http://127.0.0.1:" + http + "/webapp-example/")).run();
            assertThat(wildfly.console()).as("WildFly's log after the journey").doesNotContain("RESTEASY")
                    .doesNotContain(" ERROR ");

            int before = wildfly.console().length();
            Files.delete(war);
            wildfly.awaitConsole("undeployed", l -> l.contains("WFLYSRV0009: Undeployed \"webapp-example.war\""),
                    Duration.ofMinutes(2));
            assertThat(wildfly.consoleLinesFrom(before)).as("WildFly's log from the undeploy on")
                    .noneMatch(l -> l.contains(" ERROR ") || l.contains(" WARN "));

            assertThat(wildfly.stopGracefully()).as("WildFly stopped on SIGTERM").isTrue();
        }
    }
}
