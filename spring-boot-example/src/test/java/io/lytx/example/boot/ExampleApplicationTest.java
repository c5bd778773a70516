package io.lytx.example.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lytx.client.LyticsClient;
import io.lytx.client.entity.Entity;
import io.lytx.client.entity.EntityQuery;
import io.lytx.sandbox.LyticsSandbox;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The example as its README starts it ({@code spring-boot:run} calls {@link ExampleApplication#main}, which
 * runs {@link ExampleApplication#application()}): with no {@code LYTICS_API_URL}, the embedded sandbox and
 * its demo data; a real embedded Tomcat on a free loopback port; a visitor over real HTTP. What must hold:
 * a new visitor sees the new-visitor block and the default greeting, and Lytics (the sandbox) receives the
 * page view under the visitor's {@code seerid}; logging in as the demo person Ada shows her first name and
 * her segment's block; logging out gives the browser a new visitor id (the next person on this browser
 * does not see Ada's page); the health endpoint lists the starter's {@code lytics} contributor; closing
 * the application closes the sandbox.
 */
class ExampleApplicationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static ConfigurableApplicationContext site;
    private static LyticsClient lytics;
    private static String base;

    @BeforeAll
    static void start() {
        site = ExampleApplication.application().run("--server.port=0", "--server.address=127.0.0.1");
        assertThat(site.getBeansOfType(LyticsSandbox.class))
                .as("LYTICS_API_URL must not be set for this test: the example must start its embedded sandbox")
                .hasSize(1);
        lytics = site.getBean(LyticsClient.class);
        base = "http://127.0.0.1:" + site.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stop() {
        if (site != null) {
            LyticsSandbox sandbox = site.getBean(LyticsSandbox.class);
            site.close();
            // closed with the context: the sandbox no longer answers
            assertThat(reachable(sandbox.baseUri())).as("sandbox answers after the site closed").isFalse();
        }
    }

    @Test
    void aNewVisitorGetsTheDefaultPageAndItsPageViewReachesLytics() {
        Visitor browser = new Visitor();

        HttpResponse<String> home = browser.get("/");

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Welcome, new visitor").doesNotContain("Good to see you again");
        String visitor = browser.cookies.get("seerid");
        assertThat(visitor).as("seerid set by the starter's filter").isNotBlank();
        Entity profile = await().atMost(WAIT).until(() -> lytics.entities().get(EntityQuery.by("_uid", visitor)),
                Entity::found);
        assertThat(profile.fields().string("visitct")).as("visits Lytics counted").contains("1");
    }

    @Test
    void logInShowsTheDemoPersonAndLogOutGivesTheBrowserANewVisitorId() {
        Visitor browser = new Visitor();
        browser.get("/");

        HttpResponse<String> login = browser.post("/login", Map.of("email", "ada@example.org"));
        assertThat(login.statusCode()).isEqualTo(302);
        String adas = await().atMost(WAIT).until(() -> browser.get("/").body(), b -> b.contains("Ada"));
        assertThat(adas).contains("Logged in as <b>ada@example.org</b>").contains("Good to see you again");
        String adasVisitorId = browser.cookies.get("seerid");

        browser.post("/logout", Map.of());
        HttpResponse<String> after = browser.get("/");

        assertThat(after.body()).doesNotContain("Ada").doesNotContain("Logged in as");
        assertThat(browser.cookies.get("seerid")).as("visitor id after logout").isNotBlank().isNotEqualTo(adasVisitorId);
    }

    @Test
    void healthListsTheLyticsContributor() {
        HttpResponse<String> health = new Visitor().get("/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"lytics\"");
    }

    private static boolean reachable(URI uri) {
        try {
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build().send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** One browser: keeps its cookies, follows no redirect. Not thread-safe. */
    private static final class Visitor {

        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final Map<String, String> cookies = new LinkedHashMap<>();

        HttpResponse<String> get(String path) {
            return send(request(path).GET().build());
        }

        HttpResponse<String> post(String path, Map<String, String> form) {
            String body = form.entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(WAIT)
                    .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0")
                    .header("Accept", "text/html,application/json");
            if (!cookies.isEmpty()) {
                b.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; ")));
            }
            return b;
        }

        private HttpResponse<String> send(HttpRequest request) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                for (String set : response.headers().allValues("Set-Cookie")) {
                    String pair = set.split(";", 2)[0];
                    int eq = pair.indexOf('=');
                    String value = pair.substring(eq + 1).strip();
                    if (value.isEmpty()) {
                        cookies.remove(pair.substring(0, eq).strip());
                    } else {
                        cookies.put(pair.substring(0, eq).strip(), value);
                    }
                }
                return response;
            } catch (IOException e) {
                throw new IllegalStateException("request to " + request.uri() + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
