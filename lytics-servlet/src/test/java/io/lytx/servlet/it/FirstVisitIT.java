package io.lytx.servlet.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A new visitor gets a valid cookie and a page; the page view reaches the sandbox, which builds a
 * profile from it, and a later request of the same visitor sees that profile. Also: only page
 * requests are handled, each once.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FirstVisitIT {


    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive app() {
        return TestApps.withPlugin("first-visit", Map.of(
                "lytics.api.url", SharedSandbox.get().baseUri().toString(),
                "lytics.api.token", SharedSandbox.get().adminToken(),
                "lytics.budget.ms", "1000",
                "lytics.batch.linger.ms", "50",
                "lytics.profile.negative.ttl.s", "1",
                "lytics.profile.ttl.s", "2",
                "lytics.profile.refresh.s", "1",
                "lytics.status.enabled", "true",
                "lytics.status.role", "ops"));
    }

    private URI uri(String path) {
        return Http.base(base).resolve(path);
    }

    @Test
    void newVisitorGetsACookieThenTheProfileBuiltFromItsPageView() {
        HttpResponse<String> first = Http.getPage(uri("page?utm_source=it"), null);

        assertThat(first.statusCode()).as("status of %s: %s", first.uri(), first.body()).isEqualTo(200);
        String cookie = Http.setCookieHeader(first, "seerid");
        assertThat(cookie).as("Set-Cookie of a new visitor; headers %s body %s", first.headers().map(), first.body()).isNotNull()
                .contains("; Path=/").contains("; Max-Age=31536000").contains("; SameSite=Lax")
                .doesNotContainIgnoringCase("HttpOnly").doesNotContain("; Secure");
        String visitorId = Http.setCookieValue(first, "seerid");
        assertThat(Http.isMintedId(visitorId)).isTrue();
        Map<String, String> page = Http.lines(first.body());
        // the first status depends on timing (a cold JVM, or the page view overtaking the lookup): not asserted
        assertThat(page).containsEntry("active", "true").containsEntry("visitorId", visitorId);
        assertThat(page.get("pageViewId")).isNotBlank();

        SandboxAdmin sandbox = new SandboxAdmin(SharedSandbox.get());
        await().atMost(Duration.ofSeconds(15)).until(() -> sandbox.hasProfile("_uid", visitorId));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            HttpResponse<String> again = Http.getPage(uri("page"), "seerid=" + visitorId);
            assertThat(Http.setCookieValue(again, "seerid")).as("no new cookie for a known visitor").isNull();
            Map<String, String> seen = Http.lines(again.body());
            assertThat(seen).containsEntry("visitorId", visitorId).containsEntry("status", "KNOWN");
            assertThat(seen.get("segments")).contains("all");
        });
    }

    @Test
    void assetsApiCallsAndBotsAreNotTracked() {
        long pagesBefore = Jmx.counter(Jmx.contextOf(base), "Pages");

        HttpResponse<String> css = Http.send(Http.page(uri("app.css")).GET().build());
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().allValues("set-cookie")).isEmpty();

        HttpResponse<String> json = Http.send(Http.page(uri("page")).setHeader("Accept", "application/json").GET().build());
        assertThat(json.headers().allValues("set-cookie")).isEmpty();
        assertThat(Http.lines(json.body())).containsEntry("active", "false").containsEntry("reason", "not handled");

        HttpResponse<String> bot = Http.send(Http.page(uri("page"))
                .setHeader("User-Agent", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")
                .GET().build());
        assertThat(bot.headers().allValues("set-cookie")).isEmpty();
        assertThat(Http.lines(bot.body())).containsEntry("reason", "bot").containsEntry("visitorId", "null");

        assertThat(Jmx.counter(Jmx.contextOf(base), "Pages") - pagesBefore).as("only the bot request was a page").isEqualTo(1);
    }

    @Test
    void headRequestGetsTheCookieButSendsNoPageView() {
        long offered = Jmx.counter(Jmx.contextOf(base), "EventsOffered");

        HttpResponse<String> head = Http.send(Http.page(uri("page"))
                .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).build());

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(Http.isMintedId(Http.setCookieValue(head, "seerid"))).isTrue();
        assertThat(Jmx.counter(Jmx.contextOf(base), "EventsOffered")).isEqualTo(offered);
    }

    @Test
    void includedPageIsHandledOnceWithOneContext() {
        long pagesBefore = Jmx.counter(Jmx.contextOf(base), "Pages");

        HttpResponse<String> r = Http.getPage(uri("forward"), null);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().allValues("set-cookie")).filteredOn(c -> c.startsWith("seerid=")).hasSize(1);
        assertThat(Http.lines(r.body())).containsEntry("contextKeptAcrossInclude", "true");
        assertThat(Jmx.counter(Jmx.contextOf(base), "Pages") - pagesBefore).isEqualTo(1);
    }

    @Test
    void invalidCookieIsReplacedAndStatusEndpointShowsNoToken() {
        HttpResponse<String> r = Http.getPage(uri("page"), "seerid=../../api/account");

        String minted = Http.setCookieValue(r, "seerid");
        assertThat(Http.isMintedId(minted)).isTrue();
        assertThat(Http.lines(r.body())).containsEntry("visitorId", minted);

        HttpResponse<String> status = Http.send(Http.page(uri("lytics/status")).GET().build());
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).contains("json"));
        assertThat(status.body()).contains("\"pages\":").contains("\"lytics.api.token\":\"set\"")
                .doesNotContain(SharedSandbox.get().adminToken());
    }

    @Test
    void aPubliclyCacheableResponseCarriesNoVisitorCookie() {
        // input: pages the application marks for shared caches after the filter ran (Cache-Control public,
        // s-maxage, any case); must hold: no Set-Cookie of seerid or its binding (a CDN would hand one
        // visitor's id to everyone) and no page view under an id the browser never got
        long offered = Jmx.counter(Jmx.contextOf(base), "EventsOffered");
        for (String cacheControl : new String[] {"public,%20max-age=60", "s-maxage=30", "PUBLIC", "max-age=0,%20S-MAXAGE=5"}) {
            HttpResponse<String> r = Http.getPage(uri("page?cc=" + cacheControl), null);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("cache-control")).isPresent();
            assertThat(r.headers().allValues("set-cookie")).as("Cache-Control: %s", cacheControl).isEmpty();
        }
        assertThat(Jmx.counter(Jmx.contextOf(base), "EventsOffered")).isEqualTo(offered);

        // a private page still gets its cookie; so does the helper's private /lytics/profile call
        HttpResponse<String> privatePage = Http.getPage(uri("page?cc=private,%20max-age=60"), null);
        assertThat(Http.isMintedId(Http.setCookieValue(privatePage, "seerid"))).isTrue();
        HttpResponse<String> profile = Http.send(Http.page(uri("lytics/profile")).header("Accept", "application/json")
                .GET().build());
        assertThat(profile.headers().firstValue("cache-control")).hasValueSatisfying(v -> assertThat(v).contains("private"));
        assertThat(Http.isMintedId(Http.setCookieValue(profile, "seerid"))).isTrue();
        assertThat(Http.setCookieValue(profile, "seerid_bind")).isNotNull();
    }

    @Test
    void statusIsForLoopbackCallersOrTheRoleAndShowsNoInternalUrl() {
        // input: the status asked through a proxy (forwarding headers), and from loopback; must hold: a
        // proxied caller without the role gets 403 and no metric; nobody sees the internal upstream URL
        for (String[] header : new String[][] {{"X-Forwarded-For", "203.0.113.9"}, {"Forwarded", "for=203.0.113.9"},
                {"X-Real-IP", "203.0.113.9"}}) {
            HttpResponse<String> proxied = Http.send(Http.page(uri("lytics/status")).header(header[0], header[1]).GET().build());
            assertThat(proxied.statusCode()).as("through a proxy (%s)", header[0]).isEqualTo(403);
            assertThat(proxied.body()).doesNotContain("\"pages\"").doesNotContain("127.0.0.1");
        }
        HttpResponse<String> inRole = Http.send(Http.page(uri("lytics/status")).header("X-Forwarded-For", "203.0.113.9")
                .header("X-Test-Role", "ops").GET().build());
        assertThat(inRole.statusCode()).as("a user in lytics.status.role").isEqualTo(200);

        HttpResponse<String> local = Http.send(Http.page(uri("lytics/status")).GET().build());
        assertThat(local.statusCode()).as("a loopback caller").isEqualTo(200);
        String sandboxUrl = SharedSandbox.get().baseUri().toString();
        assertThat(local.body()).contains("\"lytics.api.url\":\"(internal host)\"")
                .doesNotContain(sandboxUrl).doesNotContain(SharedSandbox.get().baseUri().getAuthority());
    }

    @Test
    void theEndpointsFolderIsNeverListed() {
        // input: the base path of the first-party endpoints as a folder (Jetty listed the jar's
        // META-INF/resources/lytics/); must hold: 404, no listing of the helper's files
        for (String path : new String[] {"lytics/", "lytics", "lytics/nope", "lytics/META-INF/"}) {
            HttpResponse<String> r = Http.getPage(uri(path), null);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.body()).as(path).doesNotContain("lytics-helper");
        }
    }
}
