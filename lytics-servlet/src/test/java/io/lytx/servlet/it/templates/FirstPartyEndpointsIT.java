package io.lytx.servlet.it.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The first-party endpoints in a real container (Jetty and Tomcat) against the sandbox:
 * {@code GET /lytics/profile} answers only the requester's own data, never cached, never the token;
 * {@code POST /lytics/collect} relays events with the server's identity and refuses oversized,
 * cross-origin, malformed and too frequent events; the helper script is served with a long cache
 * under its versioned name.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FirstPartyEndpointsIT {

    private static final String HEAD_PAGE = """
            <%@ page contentType="text/html;charset=UTF-8" %><%@ taglib prefix="lytics" uri="https://lytx.io/tags" %>\
            <html><head><lytics:head/></head><body>ok</body></html>
            """;

    private static final String CACHED_PAGE = """
            <%@ page contentType="text/html;charset=UTF-8" %><%@ taglib prefix="lytics" uri="https://lytx.io/tags" %>\
            <html><head><lytics:head deferred="true" timeout="800" tag="true"/></head><body>cached</body></html>
            """;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive app() {
        TemplateSandbox sandbox = TemplateSandbox.get();
        return TemplateApps.withPages("endpoints", Map.of(
                "lytics.api.url", sandbox.baseUri().toString(),
                "lytics.api.token", sandbox.token(),
                "lytics.budget.ms", "5000",
                "lytics.bootstrap.fields", "first_name,city",
                "lytics.bootstrap.pii", "true",
                "lytics.endpoints.collect.rate", "3",
                "lytics.endpoints.collect.fields", "_e,_ts,url,item,price",
                "lytics.tag.src", "https://c.lytics.io/api/tag/acc123/latest.min.js",
                "lytics.batch.linger.ms", "50"), Map.of("head.jsp", HEAD_PAGE, "cached.jsp", CACHED_PAGE));
    }

    private URI uri(String path) {
        return Browser.resolve(base, path);
    }

    private HttpResponse<String> profile(String cookie) {
        return Browser.send(Browser.request(uri("lytics/profile"), cookie).header("Accept", "application/json").GET().build());
    }

    private HttpResponse<String> collect(String cookie, String body, String origin) {
        HttpRequest.Builder b = Browser.request(uri("lytics/collect"), cookie).header("Content-Type", "application/json");
        if (origin != null) {
            b.header("Origin", origin);
        }
        return Browser.send(b.POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    @Test
    void profileAnswersOnlyTheRequestersOwnDataAndIsNeverCached() {
        TemplateSandbox sandbox = TemplateSandbox.get();
        String alice = HostileProfile.visitor(sandbox);
        String bob = UUID.randomUUID().toString();

        HttpResponse<String> mine = profile("seerid=" + alice);
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.headers().firstValue("content-type").orElse("")).startsWith("application/json");
        assertThat(mine.headers().firstValue("cache-control").orElse("")).contains("private").contains("no-store");
        JsonObject a = json(mine.body());
        assertThat(a.getString("visitorId")).isEqualTo(alice);
        assertThat(a.getString("status")).isEqualTo("known");
        assertThat(a.getJsonObject("fields").getString("first_name")).isEqualTo(HostileProfile.FIRST_NAME);
        assertThat(mine.body()).doesNotContain("<").doesNotContain(sandbox.token());

        // another visitor sees only their own (empty) profile: alice's values never leak
        HttpResponse<String> other = profile("seerid=" + bob);
        JsonObject b = json(other.body());
        assertThat(b.getString("visitorId")).isEqualTo(bob);
        assertThat(b.getString("status")).isEqualTo("new");
        assertThat(b.getJsonObject("fields")).isEmpty();
        assertThat(other.body()).doesNotContain(alice).doesNotContain("\\u003cscript").doesNotContain("first_name");

        // a query parameter cannot select someone else
        HttpResponse<String> probing = Browser.send(Browser.request(uri("lytics/profile?_uid=" + alice + "&visitorId=" + alice),
                "seerid=" + bob).GET().build());
        assertThat(probing.body()).doesNotContain(alice).doesNotContain("\\u003cscript").doesNotContain("first_name");

        // no cookie: a fresh id is minted and answered, nothing else
        HttpResponse<String> first = profile(null);
        String minted = first.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("seerid="))
                .map(c -> c.substring(7, c.indexOf(';'))).findFirst().orElseThrow();
        assertThat(json(first.body()).getString("visitorId")).isEqualTo(minted);
    }

    @Test
    void profileRequestedFromACachedPageCountsThatPageViewOnce() {
        TemplateSandbox sandbox = TemplateSandbox.get();
        String visitor = UUID.randomUUID().toString();
        String page = URI.create(base.toExternalForm()).resolve("cached/article-7?utm_source=news").toString();
        HttpResponse<String> r = Browser.send(Browser.request(uri("lytics/profile"), "seerid=" + visitor)
                .header("Accept", "application/json").header("Referer", page).GET().build());
        assertThat(json(r.body()).getBoolean("counted")).isTrue();
        await().atMost(Duration.ofSeconds(15)).until(() -> sandbox.hasProfile("_uid", visitor));
        JsonObject data = sandbox.entity("_uid", visitor).getJsonObject("data");
        assertThat(data.toString()).as("the page view carries the cached page's URL").contains("cached/article-7")
                .doesNotContain("lytics/profile");

        // without a Referer of this site nothing is counted
        HttpResponse<String> foreign = Browser.send(Browser.request(uri("lytics/profile"), "seerid=" + visitor)
                .header("Referer", "https://evil.example/x").GET().build());
        assertThat(json(foreign.body()).getBoolean("counted")).isFalse();
    }

    @Test
    void collectRelaysTheEventWithTheServersIdentityAndDropsSpoofedIdentityFields() {
        TemplateSandbox sandbox = TemplateSandbox.get();
        String visitor = UUID.randomUUID().toString();
        String victim = "victim-" + UUID.randomUUID() + "@example.org";
        String spoofed = UUID.randomUUID().toString();
        HttpResponse<String> r = collect("seerid=" + visitor, "{\"_e\":\"click\",\"_uid\":\"" + spoofed
                + "\",\"email\":\"" + victim + "\",\"user_id\":\"u-victim\",\"item\":\"42\",\"price\":9.5}", Browser.origin(base));
        assertThat(r.statusCode()).as("body %s", r.body()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(15)).until(() -> sandbox.hasProfile("_uid", visitor));
        JsonObject data = sandbox.entity("_uid", visitor).getJsonObject("data");
        assertThat(data.getString("item")).isEqualTo("42");
        assertThat(data.containsKey("email")).as("client email dropped: %s", data).isFalse();
        assertThat(data.containsKey("user_id")).as("client user_id dropped: %s", data).isFalse();
        assertThat(sandbox.hasProfile("_uid", spoofed)).as("no profile for the spoofed _uid").isFalse();
        assertThat(sandbox.hasProfile("email", victim)).as("no profile for the spoofed email").isFalse();
    }

    @Test
    void collectRefusesOversizedCrossOriginMalformedAndTooFrequentEvents() {
        String origin = Browser.origin(base);
        String visitor = UUID.randomUUID().toString();

        // 17 KB body: over the 16 KB limit
        String big = "{\"x\":\"" + "a".repeat(17 * 1024) + "\"}";
        assertThat(collect("seerid=" + UUID.randomUUID(), big, origin).statusCode()).isEqualTo(413);

        // another site's page posting with the visitor's cookie
        HttpResponse<String> cross = collect("seerid=" + visitor, "{\"a\":\"1\"}", "https://evil.example");
        assertThat(cross.statusCode()).isEqualTo(403);
        assertThat(cross.body()).contains("cross-origin");
        HttpResponse<String> crossSite = Browser.send(Browser.request(uri("lytics/collect"), "seerid=" + visitor)
                .header("Content-Type", "application/json").header("Sec-Fetch-Site", "cross-site")
                .POST(HttpRequest.BodyPublishers.ofString("{\"a\":\"1\"}")).build());
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(collect("seerid=" + visitor, "{\"a\":\"1\"}", null).statusCode())
                .as("no Origin and no Sec-Fetch-Site: not a browser's same-origin request").isEqualTo(403);

        // malformed JSON: 400 saying where
        HttpResponse<String> bad = collect("seerid=" + UUID.randomUUID(), "{\"a\": 1,,}", origin);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("line 1").contains("column");
        HttpResponse<String> nested = collect("seerid=" + UUID.randomUUID(), "{\"a\": {\"b\": 1}}", origin);
        assertThat(nested.statusCode()).isEqualTo(400);
        assertThat(nested.body()).contains("'a'").contains("flat");

        // rate limit: 3 per minute per visitor, the 4th is refused with Retry-After
        String busy = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            assertThat(collect("seerid=" + busy, "{\"n\":\"" + i + "\"}", origin).statusCode()).isEqualTo(204);
        }
        HttpResponse<String> limited = collect("seerid=" + busy, "{\"n\":\"4\"}", origin);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("retry-after")).isPresent();
        assertThat(collect("seerid=" + UUID.randomUUID(), "{\"n\":\"1\"}", origin).statusCode())
                .as("another visitor is not limited").isEqualTo(204);
    }

    @Test
    void deferredHeadForCachedPagesCarriesNoVisitorDataAndLoadsTheOfficialTagAfterTheHelper() {
        String visitor = HostileProfile.visitor(TemplateSandbox.get());
        String html = Browser.page(uri("cached.jsp"), "seerid=" + visitor).body();
        Matcher m = JspTagsIT.BOOTSTRAP.matcher(html);
        assertThat(m.find()).as("bootstrap in %s", html).isTrue();
        JsonObject boot = json(m.group(1));
        assertThat(boot.getBoolean("deferred")).isTrue();
        assertThat(boot.keySet()).containsExactlyInAnyOrder("v", "deferred", "endpoints", "tag");
        assertThat(boot.getJsonObject("tag").getString("cookie")).as("the same for every visitor").isEqualTo("seerid");
        assertThat(html).doesNotContain(visitor).doesNotContain("alert").contains("data-lytics-timeout=\"800\"");
        int helper = html.indexOf("lytics-helper.");
        int tag = html.indexOf("data-lytics-tag=");
        assertThat(tag).as("official tag loader after the helper").isGreaterThan(helper).isPositive();
        assertThat(html).contains("data-lytics-tag=\"{&quot;src&quot;:&quot;https://c.lytics.io/api/tag/acc123/latest.min.js&quot;,"
                + "&quot;cookie&quot;:&quot;seerid&quot;,&quot;loadid&quot;:false}\">");
    }

    @Test
    void helperScriptIsServedUnderItsVersionedNameWithALongCache() {
        String html = Browser.page(uri("head.jsp"), null).body();
        Matcher m = Pattern.compile("<script src=\"([^\"]+/lytics/lytics-helper\\.[0-9a-f]{10}\\.js)\"").matcher(html);
        assertThat(m.find()).as("helper script tag in %s", html).isTrue();
        URI script = URI.create(Browser.origin(base)).resolve(m.group(1));
        HttpResponse<String> versioned = Browser.send(Browser.request(script, null).GET().build());
        assertThat(versioned.statusCode()).isEqualTo(200);
        assertThat(versioned.headers().firstValue("content-type").orElse("")).startsWith("text/javascript");
        assertThat(versioned.headers().firstValue("cache-control").orElse("")).contains("max-age=31536000").contains("immutable");
        assertThat(versioned.body()).contains("lytics");

        HttpResponse<String> plain = Browser.send(Browser.request(uri("lytics/lytics-helper.js"), null).GET().build());
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.body()).isEqualTo(versioned.body());
        assertThat(plain.headers().firstValue("cache-control").orElse("")).doesNotContain("immutable");

        assertThat(Browser.send(Browser.request(uri("lytics/lytics-helper.0000000000.js"), null).GET().build()).statusCode())
                .isEqualTo(404);
    }
}
