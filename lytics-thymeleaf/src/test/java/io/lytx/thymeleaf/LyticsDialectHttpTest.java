package io.lytx.thymeleaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lytx.sandbox.LyticsSandbox;
import io.lytx.sandbox.SandboxOptions;
import io.lytx.servlet.LyticsInitializer;
import io.lytx.servlet.config.LyticsConfig;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dialect in a real servlet container (embedded Tomcat on 127.0.0.1, real HTTP), with the Lytics
 * filter registered programmatically and plain Thymeleaf ({@code JakartaServletWebApplication}),
 * against the sandbox holding a hostile profile and hostile recommendations: everything must be
 * rendered inert, and the conditions must pick the visitor's branches.
 */
class LyticsDialectHttpTest {

    static final String FIRST_NAME = "<script>alert(1)</script>";
    static final String CITY = "a</script><!--b\u2028c";
    static final String TITLE = "\"><img src=x onerror=alert(1)>";
    static final String DOC = "example.org/thymeleaf-" + UUID.randomUUID();

    private static LyticsSandbox sandbox;
    private static Tomcat tomcat;
    private static URI app;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws LifecycleException, IOException {
        sandbox = LyticsSandbox.start(SandboxOptions.defaults().withHost("127.0.0.1").withPort(0).withDemoData(false));
        post("api/segment", Json.createObjectBuilder().add("name", "vip").add("slug_name", "vip").add("is_public", true)
                .add("segment_ql", "FILTER tier = \"gold\" FROM user ALIAS vip").build());
        post("api/content/doc/classify", Json.createObjectBuilder().add("url", "javascript:alert(1)")
                .add("title", "evil").add("text", "travel mountains hiking").build());
        post("api/content/doc/classify", Json.createObjectBuilder().add("url", DOC).add("title", TITLE)
                .add("description", "<b>bold</b>").add("primary_image", "javascript:alert(2)")
                .add("text", "travel mountains hiking").build());

        LyticsConfig config = LyticsConfig.builder().apiUrl(sandbox.baseUri()).apiToken(sandbox.adminToken())
                .set("lytics.budget.ms", "5000").set("lytics.bootstrap.fields", "first_name,city")
                .set("lytics.bootstrap.pii", "true").set("lytics.jmx.enabled", "false")
                .set("lytics.preview.enabled", "true").set("lytics.preview.role", "editor").build();
        Path base = Files.createTempDirectory("lytics-thymeleaf-tomcat");
        tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.getService().addConnector(connector);
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("/app", Files.createDirectories(base.resolve("docs")).toString());
        context.addServletContainerInitializer((classes, servletContext) -> {
            // every visitor of this test app is an editor (lytics.preview.role), as a security filter would say
            servletContext.addFilter("editors", (request, response, chain) -> chain.doFilter(
                    new jakarta.servlet.http.HttpServletRequestWrapper((jakarta.servlet.http.HttpServletRequest) request) {
                        @Override
                        public boolean isUserInRole(String role) {
                            return "editor".equals(role);
                        }
                    }, response)).addMappingForUrlPatterns(null, false, "/*");
            LyticsInitializer.register(servletContext, config);
        }, null);
        Tomcat.addServlet(context, "templates", new TemplateServlet()).addMapping("/t/*");
        tomcat.start();
        app = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/app/");
        // cold start (servlet and template engine init, template parsing, first upstream connection)
        // happens here, not inside the budget of the requests the tests assert on
        page("", null);
    }

    @AfterAll
    static void stop() throws LifecycleException {
        if (tomcat != null) {
            tomcat.stop();
            tomcat.destroy();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private static void post(String path, JsonObject body) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(sandbox.baseUri().resolve(path))
                .header("Authorization", sandbox.adminToken()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
        assertThat(r.statusCode() / 100).as("%s: %s", path, r.body()).isEqualTo(2);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String hostileVisitor() {
        String id = UUID.randomUUID().toString();
        post("collect/json/default", Json.createObjectBuilder().add("_uid", id).add("first_name", FIRST_NAME)
                .add("city", CITY).add("tier", "gold").build());
        await().atMost(Duration.ofSeconds(10)).until(() -> !send(HttpRequest.newBuilder(
                sandbox.baseUri().resolve("api/entity/user/_uid/" + id)).header("Authorization", sandbox.adminToken())
                .GET().build()).body().contains("Not Found"));
        // precondition: the sandbox recommends the hostile document to this visitor
        await().atMost(Duration.ofSeconds(10)).until(() -> send(HttpRequest.newBuilder(
                sandbox.baseUri().resolve("api/content/recommend/user/_uid/" + id + "?limit=10"))
                .header("Authorization", sandbox.adminToken()).GET().build()).body().contains(DOC));
        return id;
    }

    private static String page(String query, String cookie) {
        HttpRequest.Builder b = HttpRequest.newBuilder(app.resolve("t/page" + query)).timeout(Duration.ofSeconds(30))
                .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0")
                .header("Accept", "text/html");
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        HttpResponse<String> r = send(b.GET().build());
        assertThat(r.statusCode()).as("page: %s", r.body()).isEqualTo(200);
        return r.body();
    }

    @Test
    void hostileValuesAreRenderedInert() {
        String visitor = hostileVisitor();
        String html = page("", "seerid=" + visitor);

        assertThat(html).contains("Hello <span>&lt;script&gt;alert(1)&lt;/script&gt;</span>")
                .contains("<p id=\"expr\">&lt;script&gt;alert(1)&lt;/script&gt;</p>")
                .doesNotContain("<script>alert(1)</script>")
                .contains("<p id=\"missing\">nobody</p>")
                .contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img src=x")
                .doesNotContain("javascript:")
                .contains("<a href=\"https://" + DOC + "\">")
                .contains("<li>&lt;b&gt;bold&lt;/b&gt;</li>")
                .doesNotContain("lytics:field").doesNotContain("lytics:default").doesNotContain("lytics:limit");
        assertThat(html.split("<script", -1)).as("only the bootstrap and the helper").hasSize(3);

        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"lytics-bootstrap\">(.*?)</script>",
                Pattern.DOTALL).matcher(html);
        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).doesNotContain("<").doesNotContain("\u2028").contains("\\u003c/script\\u003e");
        JsonObject boot = Json.createReader(new StringReader(m.group(1))).readObject();
        assertThat(boot.getJsonObject("fields").getString("city")).isEqualTo(CITY);
        assertThat(boot.getJsonObject("fields").getString("first_name")).isEqualTo(FIRST_NAME);
        assertThat(boot.getString("visitorId")).isEqualTo(visitor);
        assertThat(html).contains("<p id=\"vid\">" + visitor + "</p>").contains("<p id=\"status\">known</p>");
        assertThat(html).doesNotContain(sandbox.adminToken());
    }

    @Test
    void conditionsPickTheVisitorsBranches() {
        String html = page("", "seerid=" + hostileVisitor());
        assertThat(html).contains("[VIP-BODY]").doesNotContain("[NOT-VIP-BODY]").doesNotContain("[ALL-BODY]")
                .doesNotContain("[NONE-VIP]").contains("[EXPR-VIP]").contains("[KNOWN]").doesNotContain("[NOT-KNOWN]")
                .contains("[EXPR-ATTR-VIP]");

        String fresh = page("", null);
        assertThat(fresh).doesNotContain("[VIP-BODY]").contains("[NOT-VIP-BODY]").contains("[NONE-VIP]")
                .doesNotContain("[EXPR-VIP]").doesNotContain("[EXPR-ATTR-VIP]").contains("[NOT-KNOWN]").contains("<p id=\"status\">new</p>")
                .contains("Hello <span>friend</span>");
    }

    @Test
    void previewShowsAllVariantsMarked() {
        String all = page("?lytics_preview=*", null);
        assertThat(all).contains("[VIP-BODY]").contains("[NOT-VIP-BODY]").contains("[ALL-BODY]").contains("[KNOWN]")
                .contains("[NOT-KNOWN]").contains("data-lytics-variant=\"any:vip\"")
                .contains("data-lytics-variant=\"not any:vip\"");
        String forced = page("?lytics_preview=vip,known", null);
        assertThat(forced).contains("[VIP-BODY]").contains("[EXPR-VIP]").doesNotContain("[NOT-VIP-BODY]")
                .contains("[KNOWN]").doesNotContain("data-lytics-variant");
    }

    @Test
    void fallbackItemsFillTheLoopOnlyWhenLyticsGivesNoRecommendation() {
        // a visitor Lytics recommends a document to: the recommendation, not the site's picks
        String known = page("", "seerid=" + hostileVisitor());
        assertThat(known).contains("<ul id=\"fallback\"><li>pick:").doesNotContain("pick:editors-pick-1");
        // a preview gives no recommendation: the first two picks (limit 2), escaped, the third left out
        String preview = page("?lytics_preview=vip", null);
        assertThat(preview).contains("<li>pick:editors-pick-1</li><li>pick:&lt;b&gt;editors-pick-2&lt;/b&gt;</li></ul>")
                .doesNotContain("editors-pick-3").doesNotContain("lytics:fallback");
    }
}
