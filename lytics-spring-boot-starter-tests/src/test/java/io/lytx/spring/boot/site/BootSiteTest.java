package io.lytx.spring.boot.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lytx.client.LyticsClient;
import io.lytx.client.collect.CollectOptions;
import io.lytx.client.entity.Entity;
import io.lytx.client.entity.EntityQuery;
import io.lytx.servlet.config.LyticsConfig;
import io.lytx.spring.boot.LyticsAutoConfiguration;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The starter in a Boot site on a real embedded Tomcat (random port) against the embedded sandbox: a
 * Thymeleaf page personalized under Spring's template engine (SpEL), a new visitor's cookie, a user
 * logged in with Spring Security's form login as the known identity (stitched with the visitor's
 * cookie), page views forwarded, settings from YAML and the environment, health and metrics.
 */
@SpringBootTest(classes = TestSite.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class BootSiteTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void lytics(DynamicPropertyRegistry registry) {
        SharedSandbox.register(registry);
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    LyticsClient client;

    @Autowired
    LyticsConfig config;

    @Autowired
    @Qualifier(LyticsAutoConfiguration.FILTER_REGISTRATION)
    FilterRegistrationBean<?> filterRegistration;

    @Test
    void knownVisitorGetsThePersonalizedThymeleafPage() {
        // a visitor Lytics knows by the cookie id the JS tag would have written (UUID v4)
        String visitor = UUID.randomUUID().toString();
        client.collect().json("default", Map.of("_uid", visitor, "first_name", "Margaret",
                "email", "margaret-" + visitor + "@example.org"), CollectOptions.defaults());
        Browser browser = new Browser(port).cookie("seerid", visitor);

        String html = await().atMost(WAIT).until(() -> browser.page("/").body(), b -> b.contains("[STATUS-KNOWN]"));

        assertThat(html).contains("Hello <span>Margaret</span>")          // lytics:field
                .contains("<p id=\"expr\">Margaret</p>")                    // ${#lytics.field(...)} in SpEL
                .contains("[KNOWN-USERS]").doesNotContain("[NOT-KNOWN-USERS]") // lytics:segment / lytics:unless
                .contains("[EXPR-ATTR-AUDIENCE]")                           // lytics:segment="${audience}" in SpEL
                .doesNotContain("[EXPR-FREQUENT]")                          // th:if="${#lytics.inSegment(...)}"
                .contains("<p id=\"status\">known</p>")
                .contains("<p id=\"vid\">" + visitor + "</p>")
                .contains("pick:editor-pick")                               // lytics:fallback="${picks}"
                .contains("/lytics/lytics-helper");                         // <lytics:head/>
        assertThat(browser.cookie("seerid")).contains(visitor);
    }

    @Test
    void newVisitorGetsACookieFromTheSettingsOfYamlAndEnvironment() {
        Browser browser = new Browser(port);

        HttpResponse<String> page = browser.page("/");

        assertThat(page.statusCode()).isEqualTo(200);
        String setCookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("seerid="))
                .findFirst().orElseThrow();
        // LYTICS_COOKIE_MAX_AGE_DAYS=30 in the environment (surefire): 30 days
        assertThat(setCookie).matches("seerid=[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12};.*")
                .contains("Max-Age=2592000").contains("Path=/");
        assertThat(page.body()).contains("[STATUS-NEW]").contains("Hello <span>there</span>")
                .contains("[NOT-KNOWN-USERS]").doesNotContain("[KNOWN-USERS]");
        // application.yml and the environment, through Boot's relaxed binding
        assertThat(config.budget()).isEqualTo(Duration.ofMillis(2000));
        assertThat(config.stream()).isEqualTo("boot_site");
        assertThat(config.cookieMaxAge()).isEqualTo(Duration.ofDays(30));
        assertThat(filterRegistration.getOrder()).isEqualTo(LyticsAutoConfiguration.DEFAULT_FILTER_ORDER);
    }

    @Test
    void pageViewsAreForwardedToLytics() {
        Browser browser = new Browser(port);
        browser.page("/");
        String visitor = browser.cookie("seerid").orElseThrow();

        Entity profile = await().atMost(WAIT).until(() -> client.entities().get(EntityQuery.by("_uid", visitor)),
                Entity::found);

        assertThat(profile.fields().string("visitct")).contains("1");
    }

    @Test
    void userLoggedInWithSpringSecurityIsTheKnownIdentityAndIsStitched() {
        Browser browser = new Browser(port);
        browser.page("/");
        String visitor = browser.cookie("seerid").orElseThrow();

        HttpResponse<String> login = browser.postForm("/login",
                Map.of("username", "ada@example.org", "password", TestSite.PASSWORD));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");

        // the filter runs after Spring Security's chain: the principal is Ada, whose profile Lytics has
        String html = await().atMost(WAIT).until(() -> browser.page("/account").body(),
                b -> b.contains("[STATUS-KNOWN]"));
        assertThat(html).contains("Hello <span>Ada</span>").contains("[EXPR-FREQUENT]").contains("[KNOWN-USERS]");
        // the identify event joined the visitor's cookie id to Ada's profile
        Entity byCookie = await().atMost(WAIT).until(() -> client.entities().get(EntityQuery.by("_uid", visitor)),
                e -> e.found() && e.fields().string("email").isPresent());
        assertThat(byCookie.fields().string("email")).contains("ada@example.org");
        assertThat(byCookie.fields().string("first_name")).contains("Ada");
    }

    @Test
    void healthShowsLyticsUpWithItsDetails() {
        Browser browser = new Browser(port);

        HttpResponse<String> health = browser.json("/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        JsonObject json = Json.createReader(new StringReader(health.body())).readObject();
        assertThat(json.getString("status")).isEqualTo("UP");
        JsonObject lytics = json.getJsonObject("components").getJsonObject("lytics");
        assertThat(lytics.getString("status")).isEqualTo("UP");
        assertThat(lytics.getJsonObject("details").getString("state")).isEqualTo("ok");
        assertThat(lytics.getJsonObject("details").getString("breaker")).isEqualTo("CLOSED");
        assertThat(lytics.getJsonObject("details").getJsonNumber("queueDepth").longValue()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void metricsShowTheMetersOfLytics() {
        Browser browser = new Browser(port);
        browser.page("/");
        browser.page("/");

        JsonObject names = readJson(browser.json("/actuator/metrics"));
        assertThat(names.getJsonArray("names").getValuesAs(jakarta.json.JsonString::getString))
                .contains("lytics.profile.cache.gets", "lytics.profile.cache.loads", "lytics.profile.cache.size",
                        "lytics.upstream.calls", "lytics.breaker.state", "lytics.collector.queue.depth",
                        "lytics.collector.queue.bytes", "lytics.collector.events", "lytics.pages");

        // the second page of the visitor asked Lytics for its profile; its page views were sent
        await().atMost(WAIT).until(() -> count(browser, "lytics.upstream.calls?tag=api:profile&tag=outcome:success") >= 1
                && count(browser, "lytics.collector.events?tag=result:sent") >= 2);
        assertThat(count(browser, "lytics.pages")).isGreaterThanOrEqualTo(2);
        assertThat(count(browser, "lytics.breaker.state?tag=state:closed")).isEqualTo(1);
        assertThat(count(browser, "lytics.breaker.state?tag=state:open")).isZero();
    }

    private static double count(Browser browser, String meter) {
        JsonObject json = readJson(browser.json("/actuator/metrics/" + meter));
        return json.getJsonArray("measurements").getJsonObject(0).getJsonNumber("value").doubleValue();
    }

    private static JsonObject readJson(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(200);
        return Json.createReader(new StringReader(response.body())).readObject();
    }
}
