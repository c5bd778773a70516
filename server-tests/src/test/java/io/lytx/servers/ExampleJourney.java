package io.lytx.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The example's visitor journey over plain HTTP, as one browser (one cookie jar) would make it:
 * consent → a new visitor with a {@code seerid} cookie → three articles of one topic → the topic's
 * block on the home page → login → the known-user block with the name, on the JSP and the Thymeleaf
 * home → {@code /lytics/profile} lists the segments → the plugin's forwarded page views acknowledged
 * by the embedded sandbox → logout. Every wait for Lytics to update a profile is bounded ({@link #PROFILE_UPDATE}).
 * Not thread-safe: one journey per test thread.
 */
final class ExampleJourney {

    static final String TOPIC = "cooking";
    private static final Duration PROFILE_UPDATE = Duration.ofSeconds(60);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern UUID_V4 =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    /** A browser's: the plugin leaves bots and non-HTML requests alone. */
    private static final String USER_AGENT =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36";

    private final URI base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;

    /** @param base the example's root, ending in {@code /} */
    ExampleJourney(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Runs the whole journey; fails with what the page said at the step that went wrong. */
    void run() {
        HttpCookie consent = new HttpCookie("example_consent", "yes");
        consent.setPath("/");
        consent.setVersion(0);
        cookies.getCookieStore().add(base, consent);

        // a new visitor: the cookie is minted on the first page, Lytics does not know the id yet. The
        // server's first page (JSP compilation, lazy start of the server's own services) may outlast one
        // request's timeout on a loaded machine: that request is asked again, a new visitor again
        String home = await("a new visitor on the home page").atMost(PROFILE_UPDATE).pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsMatching(e -> e instanceof UncheckedIOException && e.getCause() instanceof HttpTimeoutException)
                .until(() -> get("/"), page -> page.contains("id=\"status-new\""));
        String visitor = cookie("seerid").orElseThrow(() -> new AssertionError("no seerid cookie after the first page"));
        assertThat(visitor).as("the visitor cookie is a UUID v4").matches(UUID_V4);
        assertThat(home).as("the JSP home page").contains("This page is a JSP").doesNotContain("id=\"block-known\"");

        // three articles of one topic, listed from the content API
        String list = get("/articles");
        Matcher links = Pattern.compile("href=\"[^\"]*(/articles/" + TOPIC + "/[a-z0-9-]+)\"").matcher(list);
        List<String> articles = links.results().map(m -> m.group(1)).distinct().limit(3).toList();
        assertThat(articles).as("articles of %s on /articles; the page was:%n%s", TOPIC, list).hasSize(3);
        for (String article : articles) {
            assertThat(get(article)).as(article).contains("id=\"article-title\"");
        }

        // Lytics put the visitor in the topic's segment: the home page shows its block
        await("the topic block on the home page").atMost(PROFILE_UPDATE).pollInterval(Duration.ofMillis(500))
                .until(() -> get("/"), page -> page.contains("id=\"block-topic-" + TOPIC + "\""));

        // login: the plugin identifies the visitor, Lytics stitches the email to the cookie's profile
        post("/login", "user=grace");
        // (the stitched profile keeps what the cookie's profile learned: the topic block stays)
        String known = await("the known-user and topic blocks after login").atMost(PROFILE_UPDATE)
                .pollInterval(Duration.ofMillis(500)).until(() -> get("/"), page -> page.contains("id=\"block-known\"")
                        && page.contains("id=\"block-topic-" + TOPIC + "\"") && page.contains("id=\"status-known\""));
        assertThat(known).contains("<span id=\"first-name\">Grace</span>");
        String thymeleaf = get("/thymeleaf");
        assertThat(thymeleaf).as("the Thymeleaf home").contains("id=\"block-known\"")
                .contains("id=\"block-topic-" + TOPIC + "\"").containsPattern("id=\"first-name\"[^>]*>Grace<");
        assertThat(cookie("seerid")).as("the same visitor cookie all along").contains(visitor);

        // the first-party profile endpoint (what the JS helper asks) lists the segments
        String profile = get("/lytics/profile");
        assertThat(profile).as("/lytics/profile").contains("\"interested_" + TOPIC + "\"").contains("\"known_users\"");

        // the page views went to Lytics and were acknowledged (the segment above needed them)
        await("the forwarded events acknowledged").atMost(PROFILE_UPDATE).pollInterval(Duration.ofMillis(500))
                .until(() -> metric(get("/lytics/status"), "eventsSent"), sent -> sent >= 5);
        String status = get("/lytics/status");
        assertThat(metric(status, "eventsFailed")).as("failed events; status: %s", status).isZero();
        assertThat(metric(status, "eventsDropped")).as("dropped events; status: %s", status).isZero();

        // logout ends the session: the known-user block goes, and the plugin gives the browser a new
        // visitor id (its known identity changed), so the next visitor on it never reaches Grace's profile
        String out = post("/logout", "");
        assertThat(out).as("the home page after logout").doesNotContain("id=\"logged-in-as\"")
                .doesNotContain("id=\"block-known\"");
        String after = cookie("seerid").orElseThrow(() -> new AssertionError("no seerid cookie after logout"));
        assertThat(after).as("the visitor id after logout").matches(UUID_V4).isNotEqualTo(visitor);
    }

    private Optional<String> cookie(String name) {
        return cookies.getCookieStore().get(base).stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst();
    }

    private static long metric(String statusJson, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\\d+)").matcher(statusJson);
        if (!m.find()) {
            throw new AssertionError("no " + name + " in /lytics/status: " + statusJson);
        }
        return Long.parseLong(m.group(1));
    }

    private String get(String path) {
        return send(request(path).GET().build());
    }

    private String post(String path, String form) {
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path.substring(1))).timeout(REQUEST_TIMEOUT)
                .header("User-Agent", USER_AGENT)
                .header("Accept", "text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8");
    }

    private String send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as("%s %s; body:%n%s", request.method(), request.uri(), response.body())
                    .isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
