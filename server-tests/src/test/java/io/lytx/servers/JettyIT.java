package io.lytx.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The example WAR on Eclipse Jetty 12 standalone ({@code org.eclipse.jetty:jetty-home}), started as a
 * child process ({@code start.jar}, in one JVM) with a Jetty base of its own: the ee10 deployer
 * scanning {@code webapps} every second (hot deploy and undeploy), Apache JSP, one HTTP connector on
 * 127.0.0.1 and a free port. The WAR is dropped into {@code webapps}, the journey runs, then the WAR is
 * removed and Jetty undeploys it: Jetty must log no warning or error from then on, no thread of the
 * plugin or the sandbox ({@code lytics-*}) may be left, and after a full GC no web-application class
 * loader may be alive in the server's heap. While deployed, the same two checks find the loader and
 * the plugin's threads, so they can fail.
 *
 * <p>Two things in Jetty itself, not in the WAR, hold a web application after it is stopped; the test
 * deals with each as a production server would (its README says more):
 * <ul>
 * <li>ECJ, the JSP compiler Jetty ships, keeps a static exception created when its
 * {@code ReferenceBinding} class is initialized, during the first JSP compilation: its stack trace pins
 * the classes (and so the class loader) of the web application whose request compiled it, forever.
 * The base's module {@code ecj-init} initializes that class when the server starts, outside any
 * web application.</li>
 * <li>A connection keeps the last request's servlet channel (and through it the context) until it
 * closes or serves another request, and the selector keeps the last connection it served until it
 * selects again. The connector's idle timeout is short (5 s), so the journey's keep-alive connections
 * close soon after it ends, and the test sends one more request to the server (answered 404) before
 * each histogram.</li>
 * </ul>
 * An HTTP session alive at the undeploy does not hold the context either: Jetty's default session
 * cache drops its sessions when the context stops. The journey logs out, and then another visitor
 * logs in and stays logged in, so a session is alive when the WAR is removed.
 */
class JettyIT {

    /** The class loader of every ee10 web application in Jetty 12.1 ({@code ee10.webapp.WebAppClassLoader} is a deprecated subclass). */
    private static final String WEBAPP_LOADER = "org.eclipse.jetty.ee.webapp.WebAppClassLoader";
    /** How the names of the plugin's and the sandbox's threads start. */
    private static final String OUR_THREADS = "lytics";

    @Test
    void theExampleRunsOnJettyAndUndeploysWithoutLeaks() throws IOException {
        Path home = Servers.path("servers.jetty.home");
        Path base = home.resolveSibling("jetty-base");
        for (String dir : List.of("webapps", "environments", "work", "temp", "logs", "modules", "etc")) {
            Files.createDirectories(base.resolve(dir));
        }
        Files.writeString(base.resolve("modules/ecj-init.mod"), """
                [description]
                Initializes ECJ's ReferenceBinding when the server starts, so that the exception it keeps
                in a static field does not capture a web application's classes in its stack trace.

                [environment]
                ee10

                [depend]
                ee10-apache-jsp

                [xml]
                etc/ecj-init.xml
                """);
        Files.writeString(base.resolve("etc/ecj-init.xml"), """
                <?xml version="1.0"?>
                <!DOCTYPE Configure PUBLIC "-//Jetty//Configure//EN" "https://jetty.org/configure_10_0.dtd">
                <!-- runs in the ee10 environment: its class loader (the thread's context loader) sees ECJ -->
                <Configure id="Server" class="org.eclipse.jetty.server.Server">
                  <Call class="java.lang.Thread" name="currentThread"><Get id="ee10Loader" name="contextClassLoader"/></Call>
                  <Call class="java.lang.Class" name="forName">
                    <Arg>org.eclipse.jdt.internal.compiler.lookup.ReferenceBinding</Arg>
                    <Arg type="boolean">true</Arg>
                    <Arg><Ref refid="ee10Loader"/></Arg>
                  </Call>
                </Configure>
                """);
        Path war = base.resolve("webapps/webapp-example.war");
        Files.copy(Servers.war(), war, StandardCopyOption.REPLACE_EXISTING);
        int port = LoopbackPorts.free(1).get(0);

        // start.jar gives the properties that come after an --env or environment module to that
        // environment only: the server-wide ones come first
        List<String> command = List.of(Servers.java(), "-Xmx512m", "-Djava.io.tmpdir=" + base.resolve("temp"),
                "-jar", home.resolve("start.jar").toString(), "jetty.home=" + home, "jetty.base=" + base,
                "jetty.http.host=127.0.0.1", "jetty.http.port=" + port, "jetty.http.idleTimeout=5000",
                "jetty.deploy.scanInterval=1", "--module=http,ee10-deploy,ee10-apache-jsp,ecj-init");
        try (ServerProcess jetty = ServerProcess.start("Jetty", command, base, base.resolve("logs/console.log"), Map.of())) {
            jetty.awaitConsole("started", l -> l.contains("Started oejs.Server@"), Duration.ofMinutes(3));
            assertThat(jetty.console()).as("start and deployment").containsPattern("Started oeje10w.WebAppContext@\\S+\\{[^,]*,/webapp-example,")
                    .doesNotContain(":ERROR:").doesNotContain("SEVERE:").doesNotContain("Config error");
            assertThat(ListeningSockets.of(jetty.tree().stream().map(ProcessHandle::pid).toList()))
                    .as("every socket Jetty (and the example's sandbox) listens on").isNotEmpty()
                    .allMatch(ListeningSockets.Listener::loopbackOnly);

            new ExampleJourney(URI.create("http://127.0.0.1:" + port + "/webapp-example/")).run();
            // the journey logs out; another visitor stays logged in: a session alive at the undeploy
            String session = logIn(port);
            assertThat(session).as("the session cookie of a visitor who stays logged in").startsWith("JSESSIONID=");

            long pid = jetty.jvmPid();
            assertThat(HeapHistogram.instances(pid, WEBAPP_LOADER)).as("web-application class loaders while deployed")
                    .isEqualTo(1);
            assertThat(JvmThreads.named(pid, OUR_THREADS)).as("the plugin's threads while deployed").isNotEmpty();

            int before = jetty.console().length();
            Files.delete(war);
            jetty.awaitConsole("undeployed", l -> l.contains("Stopped oeje10w.WebAppContext@") && l.contains(",/webapp-example,"),
                    Duration.ofMinutes(1));
            Predicate<String> warning = l -> l.contains(":WARN :") || l.contains(":ERROR:") || l.contains("WARNING:")
                    || l.contains("SEVERE:");
            assertThat(jetty.consoleLinesFrom(before)).as("Jetty's log from the undeploy on").noneMatch(warning);
            assertThat(JvmThreads.named(pid, OUR_THREADS)).as("the plugin's and the sandbox's threads after undeploy")
                    .isEmpty();
            await("no web-application class loader left after a full GC").atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofSeconds(5)).until(() -> {
                        requestRoot(port);
                        return HeapHistogram.instances(pid, WEBAPP_LOADER);
                    }, n -> n == 0);
            assertThat(jetty.consoleLinesFrom(before)).as("Jetty's log after the heap checks").noneMatch(warning);

            assertThat(jetty.stopGracefully()).as("Jetty stopped on SIGTERM").isTrue();
        }
    }

    /**
     * Logs the demo user in, on a client of its own, and never logs out.
     *
     * @return the session cookie the login set
     */
    private static String logIn(int port) {
        HttpRequest login = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webapp-example/login"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("user=grace")).build();
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(login, HttpResponse.BodyHandlers.discarding());
            assertThat(response.statusCode()).as("POST /login").isEqualTo(302);
            return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                    .findFirst().orElse("");
        } catch (IOException e) {
            throw new UncheckedIOException("POST /login", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * One request to the server's root on a connection of its own, closed after the answer (a 404:
     * nothing is deployed there), so that Jetty's selector and connection no longer refer to the last
     * request the web application served.
     */
    private static void requestRoot(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("GET / on 127.0.0.1:" + port, e);
        }
    }
}
