package io.lytx.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The example WAR on Apache Tomcat 10.1 (the distribution from Maven, {@code org.apache.tomcat:tomcat}),
 * started as a child process with a server.xml of its own: one HTTP connector on 127.0.0.1 and a free
 * port, no shutdown port, auto-deploy on. The WAR is dropped into {@code webapps}, the journey runs,
 * then the WAR is removed and Tomcat undeploys it: Tomcat's leak detection must log no SEVERE, and
 * after a full GC no web-application class loader may be alive in the server's heap.
 */
class TomcatIT {

    private static final String WEBAPP_LOADER = "org.apache.catalina.loader.ParallelWebappClassLoader";

    @Test
    void theExampleRunsOnTomcatAndUndeploysWithoutLeaks() throws IOException {
        Path home = Servers.path("servers.tomcat.home");
        Path base = home.resolveSibling("tomcat-base");
        Files.createDirectories(base.resolve("webapps"));
        Files.createDirectories(base.resolve("temp"));
        Files.createDirectories(base.resolve("logs"));
        Files.createDirectories(base.resolve("conf"));
        for (String conf : List.of("web.xml", "context.xml", "catalina.properties", "logging.properties")) {
            Files.copy(home.resolve("conf").resolve(conf), base.resolve("conf").resolve(conf), StandardCopyOption.REPLACE_EXISTING);
        }
        int port = LoopbackPorts.free(1).get(0);
        Files.writeString(base.resolve("conf/server.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <Server port="-1" shutdown="SHUTDOWN">
                  <Listener className="org.apache.catalina.core.JreMemoryLeakPreventionListener"/>
                  <Listener className="org.apache.catalina.core.ThreadLocalLeakPreventionListener"/>
                  <Service name="Catalina">
                    <Connector address="127.0.0.1" port="%d" protocol="HTTP/1.1" connectionTimeout="20000"/>
                    <Engine name="Catalina" defaultHost="localhost">
                      <Host name="localhost" appBase="webapps" unpackWARs="true" autoDeploy="true"/>
                    </Engine>
                  </Service>
                </Server>
                """.formatted(port));
        Path war = base.resolve("webapps/webapp-example.war");
        Files.copy(Servers.war(), war, StandardCopyOption.REPLACE_EXISTING);

        List<String> command = new ArrayList<>(List.of(Servers.java()));
        // the opens of Tomcat's own start script: its leak detection reads JDK internals
        command.addAll(List.of("--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
                "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
                "--add-opens=java.rmi/sun.rmi.transport=ALL-UNNAMED"));
        command.addAll(List.of("-Xmx512m", "-Dcatalina.home=" + home, "-Dcatalina.base=" + base,
                "-Djava.io.tmpdir=" + base.resolve("temp"),
                "-Djava.util.logging.manager=org.apache.juli.ClassLoaderLogManager",
                "-Djava.util.logging.config.file=" + base.resolve("conf/logging.properties"),
                "-cp", home.resolve("bin/bootstrap.jar") + ":" + home.resolve("bin/tomcat-juli.jar"),
                "org.apache.catalina.startup.Bootstrap", "start"));
        try (ServerProcess tomcat = ServerProcess.start("Tomcat", command, base, base.resolve("logs/console.log"), Map.of())) {
            tomcat.awaitConsole("started", l -> l.contains("Server startup in"), Duration.ofMinutes(3));
            assertThat(tomcat.console()).as("deployment").contains("Deployment of web application archive")
                    .doesNotContain("SEVERE");
            assertThat(ListeningSockets.of(tomcat.tree().stream().map(ProcessHandle::pid).toList()))
                    .as("every socket Tomcat (and the example's sandbox) listens on").isNotEmpty()
                    .allMatch(ListeningSockets.Listener::loopbackOnly);

            new ExampleJourney(URI.create("http://127.0.0.1:" + port + "/webapp-example/")).run();

            int before = tomcat.console().length();
            Files.delete(war);
            tomcat.awaitConsole("undeployed", l -> l.contains("Undeploying context [/webapp-example]"), Duration.ofMinutes(1));
            await("the expanded WAR removed").atMost(Duration.ofMinutes(1))
                    .until(() -> !Files.exists(base.resolve("webapps/webapp-example")));
            assertThat(tomcat.consoleLinesFrom(before)).as("Tomcat's log from the undeploy on")
                    .noneMatch(l -> l.contains("SEVERE") || l.contains("failed to stop it"));
            long pid = tomcat.jvmPid();
            await("no web-application class loader left after a full GC").atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofSeconds(5))
                    .until(() -> HeapHistogram.instances(pid, WEBAPP_LOADER), n -> n == 0);

            assertThat(tomcat.stopGracefully()).as("Tomcat stopped on SIGTERM").isTrue();
        }
    }
}
