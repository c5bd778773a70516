package io.lytx.servlet.it.templates;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
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
 * The JSP tag library in a real container (Jetty and Tomcat, one failsafe run each) against the
 * sandbox, with hostile profile and recommendation values: everything must be rendered inert (the
 * assertions are on the HTML the container sent), and the segment / status / choose / preview logic
 * must pick the right branches.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JspTagsIT {

    static final String NONCE = "n0nceABC123";
    static final Pattern BOOTSTRAP = Pattern.compile(
            "<script type=\"application/json\" id=\"lytics-bootstrap\">(.*?)</script>", Pattern.DOTALL);

    static final String PAGE = """
            <%@ page contentType="text/html;charset=UTF-8" %><%@ taglib prefix="lytics" uri="https://lytx.io/tags" %>\
            <% request.setAttribute("cspNonce", "n0nceABC123"); %><!DOCTYPE html>
            <html><head><lytics:head recommendations="5"/></head><body>
            <p id="name">Hello <lytics:field name="first_name" default="friend"/></p>
            <p id="city"><lytics:field name="city"/></p>
            <p id="missing"><lytics:field name="no_such_field" default="Tom & Jerry"/></p>
            <lytics:segment in="vip" var="isVip">[VIP-BODY]</lytics:segment>
            <p id="var">isVip=${isVip}</p>
            <lytics:segment in="vip" match="none">[NOT-VIP-BODY]</lytics:segment>
            <lytics:segment in="all:vip,no_such_segment">[ALL-BODY]</lytics:segment>
            <lytics:choose><lytics:when in="no_such_segment">[WHEN-1]</lytics:when>\
            <lytics:when in="vip, gold">[WHEN-2]</lytics:when><lytics:otherwise>[OTHERWISE]</lytics:otherwise></lytics:choose>
            <lytics:choose><lytics:status is="new">[STATUS-NEW]</lytics:status>\
            <lytics:otherwise>[OTHERWISE-2]</lytics:otherwise></lytics:choose>
            <lytics:status is="known">[KNOWN]</lytics:status><lytics:status is="new, unavailable">[NOT-KNOWN]</lytics:status>
            <ul><lytics:recommendations var="rec" limit="5">\
            <li><a href="${rec.url}">${rec.title}</a><img src="${rec.image}"><span>${rec.description}</span></li>\
            </lytics:recommendations></ul>
            <% request.setAttribute("picks", java.util.List.of(java.util.Map.of("title", "editors-pick-1"), \
            java.util.Map.of("title", "editors-pick-2"), java.util.Map.of("title", "editors-pick-3"))); %>\
            <div id="fallback"><lytics:recommendations var="item" varStatus="i" limit="2" fallback="${picks}">\
            [PICK ${i}:${item.title}]</lytics:recommendations></div>
            </body></html>
            """;

    /** A loop whose body prints the getters as they are (escape="false"): for pages that print with c:out. */
    static final String UNESCAPED_PAGE = """
            <%@ page contentType="text/html;charset=UTF-8" %><%@ taglib prefix="lytics" uri="https://lytx.io/tags" %>            <html><body><div id="unescaped"><lytics:recommendations var="r" limit="5" escape="false">            [${r.title}|${r.url}|${r.image}|${r.description}]</lytics:recommendations></div></body></html>
            """;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive app() {
        TemplateSandbox sandbox = TemplateSandbox.get();
        return TemplateApps.withPages("jsptags", Map.of(
                "lytics.api.url", sandbox.baseUri().toString(),
                "lytics.api.token", sandbox.token(),
                "lytics.budget.ms", "5000",
                "lytics.bootstrap.fields", "first_name,city,tier",
                "lytics.bootstrap.pii", "true",
                "lytics.preview.enabled", "true",
                "lytics.preview.role", "editor",
                "lytics.consent.mode", "gpc",
                "lytics.batch.linger.ms", "50"), Map.of("page.jsp", PAGE, "unescaped.jsp", UNESCAPED_PAGE));
    }

    private static boolean warm;

    private HttpResponse<String> page(String query, String cookie) {
        return page(query, cookie, Map.of());
    }

    /** As an editor: a user in {@code lytics.preview.role} (the test apps' security filter grants it). */
    private HttpResponse<String> editorPage(String query, String cookie) {
        return page(query, cookie, Map.of("X-Test-Role", "editor"));
    }

    private HttpResponse<String> page(String query, String cookie, Map<String, String> headers) {
        if (!warm) {
            // the first request compiles page.jsp, which can take longer than the request's budget on a
            // busy machine: compile it once before the requests whose budget matters
            Browser.page(Browser.resolve(base, "page.jsp?lytics_preview=off"), null);
            warm = true;
        }
        java.net.http.HttpRequest.Builder b = Browser.request(Browser.resolve(base, "page.jsp" + query), cookie)
                .header("Accept", Browser.HTML);
        headers.forEach(b::setHeader);
        HttpResponse<String> r = Browser.send(b.GET().build());
        assertThat(r.statusCode()).as("page status, body: %s", r.body()).isEqualTo(200);
        return r;
    }

    @Test
    void hostileProfileAndRecommendationValuesAreRenderedInert() {
        String visitor = HostileProfile.visitor(TemplateSandbox.get());
        String html = page("", "seerid=" + visitor).body();
        String ctx = java.net.URI.create(base.toExternalForm()).getPath(); // e.g. /jsptags/ (generated on Jetty)

        // field values: escaped text, never markup
        assertThat(html).contains("Hello &lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert(1)</script>")
                .contains("<p id=\"missing\">Tom &amp; Jerry</p>");
        // recommendation title breaking out of an attribute, javascript: URL and image
        assertThat(html).contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<img src=x")
                .doesNotContain("javascript:")
                .contains("<a href=\"https://" + HostileProfile.SAFE_DOC + "\">")
                .contains("<img src=\"\">")
                .contains("&lt;b&gt;bold&lt;/b&gt; trip");
        assertThat(count(html, "<li>")).as("the javascript: recommendation is dropped").isEqualTo(1);
        // only our two script elements, and the nonce on the helper
        assertThat(count(html, "<script")).isEqualTo(2);
        assertThat(count(html, "</script>")).isEqualTo(2);
        assertThat(html).containsPattern("<script src=\"" + Pattern.quote(ctx) + "lytics/lytics-helper\\.[0-9a-f]{10}\\.js\" nonce=\"" + NONCE + "\"></script>");

        // the bootstrap: no '<' and no raw U+2028/2029 inside, and the values survive a JSON round trip
        Matcher m = BOOTSTRAP.matcher(html);
        assertThat(m.find()).as("bootstrap in %s", html).isTrue();
        String json = m.group(1);
        assertThat(json).doesNotContain("<").doesNotContain(">").doesNotContain("\u2028").doesNotContain("\u2029")
                .contains("\\u003c/script\\u003e").contains("\\u003c!--").contains("\\u2028");
        JsonObject boot = Json.createReader(new StringReader(json)).readObject();
        assertThat(boot.getInt("v")).isEqualTo(1);
        assertThat(boot.getString("visitorId")).isEqualTo(visitor);
        assertThat(boot.getString("status")).isEqualTo("known");
        assertThat(boot.getJsonObject("fields").getString("first_name")).isEqualTo(HostileProfile.FIRST_NAME);
        assertThat(boot.getJsonObject("fields").getString("city")).isEqualTo(HostileProfile.CITY);
        assertThat(boot.getJsonObject("fields").keySet()).as("only the allow-listed fields (the profile also has url, ip, user_agent, _uids)")
                .containsExactlyInAnyOrder("first_name", "city", "tier");
        assertThat(boot.getJsonArray("segments").getValuesAs(jakarta.json.JsonString.class))
                .extracting(jakarta.json.JsonString::getString).contains("vip");
        assertThat(boot.getJsonArray("recommendations")).hasSize(1);
        assertThat(boot.getJsonArray("recommendations").getJsonObject(0).getString("url"))
                .isEqualTo("https://" + HostileProfile.SAFE_DOC);
        assertThat(boot.getJsonArray("recommendations").getJsonObject(0).getString("image")).isEmpty();
        assertThat(boot.getBoolean("counted")).isTrue();
        assertThat(boot.getString("consent")).as("consent mode gpc, no Sec-GPC").isEqualTo("granted");
        assertThat(boot.getJsonObject("endpoints").getString("profile")).isEqualTo(ctx + "lytics/profile");
        assertThat(boot.getJsonObject("endpoints").getString("collect")).isEqualTo(ctx + "lytics/collect");
        assertThat(json).doesNotContain(TemplateSandbox.get().token());
    }

    @Test
    void segmentStatusAndChooseTagsPickTheVisitorsBranches() {
        String visitor = HostileProfile.visitor(TemplateSandbox.get());
        String html = page("", "seerid=" + visitor).body();
        assertThat(html).contains("[VIP-BODY]").contains("isVip=true").doesNotContain("[NOT-VIP-BODY]")
                .doesNotContain("[ALL-BODY]")
                .doesNotContain("[WHEN-1]").contains("[WHEN-2]").doesNotContain("[OTHERWISE]")
                .doesNotContain("[STATUS-NEW]").contains("[OTHERWISE-2]")
                .contains("[KNOWN]").doesNotContain("[NOT-KNOWN]");

        // a first visit: no cookie, a new visitor, in no segment
        String fresh = page("", null).body();
        assertThat(fresh).doesNotContain("[VIP-BODY]").contains("isVip=false").contains("[NOT-VIP-BODY]")
                .contains("[OTHERWISE]").contains("[STATUS-NEW]").contains("[NOT-KNOWN]").doesNotContain("[KNOWN]")
                .contains("Hello friend");
    }

    @Test
    void previewForcesSegmentsRemembersThemInACookieAndShowsAllVariantsMarked() {
        HttpResponse<String> forced = editorPage("?lytics_preview=gold,new", null);
        assertThat(forced.body()).contains("[STATUS-NEW]").contains("[WHEN-2]").doesNotContain("[VIP-BODY]")
                .contains("[NOT-KNOWN]");
        String cookie = forced.headers().allValues("set-cookie").stream()
                .filter(c -> c.startsWith("lytics_preview=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly");
        String value = cookie.substring(0, cookie.indexOf(';'));

        // remembered: no query, the cookie forces the same segments
        String again = editorPage("", value).body();
        assertThat(again).contains("[STATUS-NEW]").contains("[WHEN-2]").doesNotContain("[KNOWN]");

        // show all variants: every branch, marked with its condition
        String all = editorPage("?lytics_preview=*", null).body();
        assertThat(all).contains("[VIP-BODY]").contains("[NOT-VIP-BODY]").contains("[WHEN-1]").contains("[WHEN-2]")
                .contains("[OTHERWISE]").contains("[KNOWN]").contains("[NOT-KNOWN]")
                .contains("<lytics-variant data-lytics-condition=\"any:vip\"")
                .contains("<lytics-variant data-lytics-condition=\"otherwise\"");

        // off clears the cookie
        HttpResponse<String> off = editorPage("?lytics_preview=off", value);
        assertThat(off.headers().allValues("set-cookie")).anyMatch(c -> c.startsWith("lytics_preview=;") && c.contains("Max-Age=0"));
    }

    @Test
    void previewRevealsNothingWithoutTheRoleToBotsOrWithoutConsent() {
        // input: ?lytics_preview=* (and the editor's remembered cookie) from a visitor without the role, from
        // an editor whose User-Agent is a crawler's, and from an editor who refuses consent (Sec-GPC: 1);
        // must hold: no variant is revealed, no preview cookie is written
        String cookie = "lytics_preview=" + java.net.URLEncoder.encode("*", java.nio.charset.StandardCharsets.UTF_8);
        java.util.List<HttpResponse<String>> refused = java.util.List.of(
                page("?lytics_preview=*", null),
                page("", cookie),
                page("?lytics_preview=*", null, Map.of("X-Test-Role", "editor", "User-Agent", "Googlebot/2.1")),
                page("?lytics_preview=*", cookie, Map.of("X-Test-Role", "editor", "Sec-GPC", "1")));
        for (HttpResponse<String> r : refused) {
            assertThat(r.body()).as("request %s %s", r.request().uri(), r.request().headers().map())
                    .doesNotContain("<lytics-variant").doesNotContain("[VIP-BODY]").contains("[OTHERWISE]");
            assertThat(r.headers().allValues("set-cookie")).noneMatch(c -> c.startsWith("lytics_preview="));
        }
        // the control: the same request as an editor with consent reveals the variants
        assertThat(editorPage("?lytics_preview=*", null).body()).contains("<lytics-variant").contains("[VIP-BODY]");
    }

    @Test
    void fallbackItemsFillTheLoopOnlyWhenLyticsGivesNoRecommendation() {
        // a visitor Lytics recommends a document to: the recommendation (escaped), not the site's picks
        String known = page("", "seerid=" + HostileProfile.visitor(TemplateSandbox.get())).body();
        assertThat(known).contains("<div id=\"fallback\">[PICK 0:&quot;&gt;&lt;img src=x onerror=alert(1)&gt;").doesNotContain("editors-pick");

        // a preview gives no recommendation: the first two picks (limit 2), in order; never in the bootstrap
        String preview = editorPage("?lytics_preview=vip", null).body();
        assertThat(preview).contains("<div id=\"fallback\">[PICK 0:editors-pick-1][PICK 1:editors-pick-2]</div>")
                .doesNotContain("editors-pick-3");
        Matcher m = BOOTSTRAP.matcher(preview);
        assertThat(m.find()).isTrue();
        assertThat(Json.createReader(new StringReader(m.group(1))).readObject().getJsonArray("recommendations")).isEmpty();
    }

    @Test
    void escapeFalseGivesTheTextUnescapedAndTheUrlsStillSafe() {
        // the hostile visitor's recommendations: a title that breaks out of an attribute, a javascript: image,
        // a document whose URL is javascript: (dropped); with escape="false" the text is the text, once
        String visitor = HostileProfile.visitor(TemplateSandbox.get());
        Browser.page(Browser.resolve(base, "unescaped.jsp?lytics_preview=off"), null); // compile first
        HttpResponse<String> r = Browser.page(Browser.resolve(base, "unescaped.jsp"), "seerid=" + visitor);
        assertThat(r.statusCode()).as("status, body: %s", r.body()).isEqualTo(200);
        assertThat(r.body()).contains("[" + HostileProfile.TITLE + "|https://" + HostileProfile.SAFE_DOC + "||<b>bold</b> trip]")
                .doesNotContain("javascript:").doesNotContain("&quot;").doesNotContain("&lt;");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }
}
