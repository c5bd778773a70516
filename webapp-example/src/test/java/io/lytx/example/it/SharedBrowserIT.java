package io.lytx.example.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lytx.servlet.config.ConfigKey;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example as a shared family computer and a hostile client see it (issue 22), over plain HTTP
 * against the built WAR on embedded Jetty with the embedded sandbox and its demo users: two people
 * on one browser keep two profiles; the publicly cacheable {@code /cached} page carries no visitor
 * cookie; the endpoints' folder is not listed; the consent form answers a malformed {@code back}
 * with a plain 400; the example runs with the library's default budget.
 */
class SharedBrowserIT {

    private static final String BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    private static final Pattern FIRST_NAME = Pattern.compile("<span id=\"first-name\">([^<]*)</span>");
    private static final Duration PROFILE_UPDATE = Duration.ofSeconds(30);

    private static ExampleServer server;

    @BeforeAll
    static void startExample() {
        server = ExampleServer.start();
    }

    @AfterAll
    static void stopExample() {
        if (server != null) {
            server.close();
        }
    }

    /** A browser: its own cookie jar, no redirects followed. */
    private static final class Browser {
        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(server.uri(path)).header("Accept", "text/html").GET());
        }

        HttpResponse<String> post(String path, String form) {
            return send(HttpRequest.newBuilder(server.uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return client.send(request.header("User-Agent", BROWSER_UA).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        String cookie(String name) {
            return cookies.getCookieStore().get(server.baseUri()).stream().filter(c -> c.getName().equals(name))
                    .map(HttpCookie::getValue).findFirst().orElse(null);
        }

        String greeting() {
            Matcher m = FIRST_NAME.matcher(get("/").body());
            return m.find() ? m.group(1) : null;
        }
    }

    @Test
    void adaLogsOutGraceLogsInAndIsGreetedAsGraceWithANewVisitorId() {
        // input: two demo users one after the other on one browser (one cookie jar); must hold: the visitor
        // id is rotated at logout, Grace's identify never carries Ada's id, Grace is greeted as Grace
        Browser browser = new Browser();
        assertThat(browser.post("/consent", "choice=yes&back=/").statusCode() / 100).as("a redirect").isEqualTo(3);
        browser.get("/");
        String anonymousId = browser.cookie("seerid");
        assertThat(anonymousId).isNotNull();

        browser.post("/login", "user=ada");
        await().atMost(PROFILE_UPDATE).until(() -> "Ada".equals(browser.greeting()));
        assertThat(browser.cookie("seerid")).as("the anonymous visitor who logs in keeps the id").isEqualTo(anonymousId);

        browser.post("/logout", "");
        browser.get("/");
        String afterLogout = browser.cookie("seerid");
        assertThat(afterLogout).as("rotated at logout").isNotEqualTo(anonymousId);
        assertThat(browser.greeting()).as("nobody is greeted by name after the logout").isEqualTo("there");

        browser.post("/login", "user=grace");
        await().atMost(PROFILE_UPDATE).until(() -> "Grace".equals(browser.greeting()));
        assertThat(browser.cookie("seerid")).isNotEqualTo(anonymousId);
        for (int i = 0; i < 3; i++) {
            assertThat(browser.greeting()).as("Grace is never greeted with Ada's name").isEqualTo("Grace");
        }
    }

    @Test
    void theCachedPageCarriesNoVisitorCookieAndTheProfileCallMintsIt() {
        // input: a new visitor with consent opens the publicly cacheable /cached page; must hold: no
        // Set-Cookie (a CDN would store it for everybody); the helper's private /lytics/profile sets it
        Browser browser = new Browser();
        browser.post("/consent", "choice=yes&back=/cached");
        HttpResponse<String> cached = browser.get("/cached");
        assertThat(cached.statusCode()).isEqualTo(200);
        assertThat(cached.headers().firstValue("cache-control")).hasValueSatisfying(v -> assertThat(v).contains("public"));
        assertThat(cached.headers().allValues("set-cookie")).isEmpty();
        assertThat(browser.cookie("seerid")).isNull();

        HttpResponse<String> profile = browser.send(HttpRequest.newBuilder(server.uri("/lytics/profile"))
                .header("Referer", server.uri("/cached").toString()).GET());
        assertThat(profile.headers().firstValue("cache-control")).hasValueSatisfying(v -> assertThat(v).contains("private"));
        assertThat(browser.cookie("seerid")).isNotNull();
    }

    @Test
    void theEndpointsFolderIsNotListedAndAMalformedBackIsAPlain400() {
        // input: /lytics/ as a folder (Jetty listed the jar's files); must hold: 404 without a listing
        Browser browser = new Browser();
        for (String path : new String[] {"/lytics/", "/lytics"}) {
            HttpResponse<String> r = browser.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.body()).as(path).doesNotContain("lytics-helper");
        }
        // input: the consent form with back=/%0d%0a... (raw and percent-encoded CR LF, a broken encoding);
        // must hold: a plain-text 400, no stack trace, no cookie, no redirect
        for (String back : new String[] {"/%250d%250aSet-Cookie:%2520x=1", "/%0d%0aSet-Cookie:%20x=1", "/%25zz",
                "/%25c0%25ae"}) {
            HttpResponse<String> r = browser.post("/consent", "choice=yes&back=" + back);
            assertThat(r.statusCode()).as("back=%s: %s", back, r.body()).isEqualTo(400);
            assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
            assertThat(r.body()).doesNotContain("Exception").doesNotContain("at io.").doesNotContain("Set-Cookie");
            assertThat(r.headers().allValues("set-cookie")).isEmpty();
            assertThat(r.headers().firstValue("location")).isEmpty();
        }
    }

    @Test
    void theExampleUsesTheLibraryDefaultBudget() {
        // with Lytics hanging, a page waits at most the budget: the example must not raise it (it was 1000 ms)
        HttpResponse<String> status = new Browser().get("/lytics/status");
        assertThat(status.statusCode()).isEqualTo(200);
        JsonObject config = Json.createReader(new StringReader(status.body())).readObject().getJsonObject("config");
        assertThat(config.getString("lytics.budget.ms")).isEqualTo(ConfigKey.BUDGET_MS.defaultValue().orElseThrow());
        assertThat(status.body()).as("no internal upstream URL in the status").doesNotContain("127.0.0.1");
    }
}
