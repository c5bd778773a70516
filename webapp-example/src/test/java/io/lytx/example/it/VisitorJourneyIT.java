package io.lytx.example.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The visitor journey of the example in headless Chromium, against the built WAR on embedded Jetty
 * with the embedded sandbox: anonymous visit → consent → {@code seerid} cookie set → three articles
 * of one topic → the home page shows that topic's block and recommendations → login → the
 * known-user block and the name. Run twice: with JavaScript, and with JavaScript disabled
 * (server-side personalization alone). The JavaScript run also takes the README screenshots.
 */
class VisitorJourneyIT {

    private static final String TOPIC = "cooking";
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

    @Test
    void journeyWithJavaScript() throws IOException {
        try (Chromium chromium = Chromium.start(true)) {
            ChromeDriver browser = chromium.driver();
            anonymousVisitThenConsent(browser);
            screenshot(browser, "home-new-visitor.png");
            readThreeArticles(browser);
            homeShowsTopic(browser);
            loginShowsKnownUser(browser);
            screenshot(browser, "home-returning-logged-in.png");

            // the JS helper carries the server's decision into the page (inline bootstrap, no extra request)
            assertThat(browser.executeScript("return window.lytics && window.lytics.status")).isEqualTo("known");
            assertThat(browser.executeScript("return window.lytics.inSegment('interested_" + TOPIC + "')")).isEqualTo(true);
            assertThat(browser.executeScript("return window.lytics.fields.first_name")).isEqualTo("Grace");

            // the same decision rendered by Thymeleaf with the dialect
            browser.get(server.uri("/thymeleaf").toString());
            assertThat(displayed(browser, By.id("block-known"))).as("known-user block on the Thymeleaf home").isTrue();
            assertThat(browser.findElement(By.id("first-name")).getText()).isEqualTo("Grace");
            assertThat(displayed(browser, By.id("block-topic-" + TOPIC))).as("topic block on the Thymeleaf home").isTrue();
        }
    }

    @Test
    void journeyWithoutJavaScript() throws IOException {
        try (Chromium chromium = Chromium.start(false)) {
            ChromeDriver browser = chromium.driver();
            anonymousVisitThenConsent(browser);
            readThreeArticles(browser);
            homeShowsTopic(browser);
            loginShowsKnownUser(browser);

            // JavaScript really is off: the cached page stays undecided and shows no personalized block
            browser.get(server.uri("/cached").toString());
            assertThat(browser.findElement(By.id("js-status-value")).getText()).isEqualTo("pending");
            assertThat(displayed(browser, By.id("cached-topic-" + TOPIC))).isFalse();
            assertThat(displayed(browser, By.id("cached-known"))).isFalse();
        }
    }

    @Test
    void cachedPageIsPersonalizedInTheBrowserByTheHelper() throws IOException {
        try (Chromium chromium = Chromium.start(true)) {
            ChromeDriver browser = chromium.driver();
            anonymousVisitThenConsent(browser);
            readThreeArticles(browser);
            // the HTML is the same for everyone; the helper asks /lytics/profile and shows the matching blocks
            await().atMost(PROFILE_UPDATE).pollInterval(Duration.ofMillis(300))
                    .ignoreException(ConditionTimeoutException.class).until(() -> {
                browser.get(server.uri("/cached").toString());
                await().atMost(Duration.ofSeconds(5)).until(() ->
                        !"pending".equals(browser.findElement(By.id("js-status-value")).getText()));
                return displayed(browser, By.id("cached-topic-" + TOPIC));
            });
            assertThat(browser.findElement(By.id("js-status-value")).getText()).isEqualTo("known");
            assertThat(displayed(browser, By.id("cached-known"))).as("not logged in").isFalse();
            assertThat(browser.findElements(By.cssSelector("[id^=cached-topic-]")))
                    .as("only the topic the visitor read is shown")
                    .filteredOn(WebElement::isDisplayed).hasSize(1);
        }
    }

    @Test
    void withoutConsentNothingIsPersonalizedOrSent() throws IOException {
        try (Chromium chromium = Chromium.start(true)) {
            ChromeDriver browser = chromium.driver();
            browser.get(server.baseUri().toString());
            browser.findElement(By.id("consent-decline")).click();
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                    .until(() -> "refused".equals(browser.findElement(By.id("consent-state")).getText()));
            for (int i = 0; i < 3; i++) {
                browser.get(server.uri("/articles").toString());
                browser.findElements(By.cssSelector("#topic-" + TOPIC + " li a")).get(i).click();
            }
            browser.get(server.baseUri().toString());
            assertThat(browser.manage().getCookieNamed("seerid")).as("no visitor cookie after a refusal").isNull();
            assertThat(displayed(browser, By.id("status-unavailable"))).isTrue();
            assertThat(browser.findElement(By.id("status")).getText()).contains("no consent");
            assertThat(displayed(browser, By.id("block-topic-" + TOPIC))).isFalse();
            assertThat(browser.executeScript("return window.lytics.consentState")).isEqualTo("denied");
            browser.get(server.uri("/me").toString());
            assertThat(browser.findElement(By.id("inactive")).getText()).contains("nothing was sent");
        }
    }

    private static void anonymousVisitThenConsent(ChromeDriver browser) {
        browser.get(server.baseUri().toString());
        assertThat(displayed(browser, By.id("consent-banner")))
                .as(() -> "consent banner on the first visit; the page was:\n" + browser.getPageSource()).isTrue();
        assertThat(browser.manage().getCookieNamed("seerid")).as("no visitor cookie before consent").isNull();
        assertThat(displayed(browser, By.id("status-unavailable"))).as("no personalization without consent").isTrue();
        // no recommendation without Lytics: the site's editor's picks fill the list (tags' fallback), on both homes
        showsEditorsPicks(browser);
        browser.get(server.uri("/thymeleaf").toString());
        assertThat(displayed(browser, By.id("status-unavailable"))).as("Thymeleaf home without consent").isTrue();
        showsEditorsPicks(browser);
        browser.get(server.baseUri().toString());

        browser.findElement(By.id("consent-accept")).click();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> browser.manage().getCookieNamed("seerid") != null);
        Cookie seerid = browser.manage().getCookieNamed("seerid");
        assertThat(seerid).as("visitor cookie set once consent is given").isNotNull();
        assertThat(seerid.getValue()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(displayed(browser, By.id("consent-banner"))).isFalse();
        // a new visitor for Lytics (reloaded while a loaded machine makes the plugin fail open)
        await().atMost(PROFILE_UPDATE).pollInterval(Duration.ofMillis(300)).until(() -> {
            if (!displayed(browser, By.id("status-new"))) {
                browser.navigate().refresh();
            }
            return displayed(browser, By.id("status-new"));
        });
        assertThat(displayed(browser, By.id("block-new"))).isTrue();
        assertThat(displayed(browser, By.id("block-topic-" + TOPIC))).isFalse();
        assertThat(displayed(browser, By.id("block-known"))).isFalse();
        assertThat(browser.findElement(By.id("first-name")).getText()).isEqualTo("there");
    }

    private static void showsEditorsPicks(ChromeDriver browser) {
        List<WebElement> cards = browser.findElements(By.cssSelector("#recommendations li.card > a"));
        assertThat(cards).as(() -> "editor's picks in place of recommendations; the page was:\n" + browser.getPageSource())
                .hasSize(4);
        assertThat(cards).allSatisfy(a -> assertThat(a.getAttribute("href")).matches(".*/articles/[a-z0-9-]+/[a-z0-9-]+"));
        assertThat(cards.get(0).getText()).isNotBlank();
    }

    private static void readThreeArticles(ChromeDriver browser) {
        for (int i = 0; i < 3; i++) {
            browser.get(server.uri("/articles").toString());
            List<WebElement> links = browser.findElements(By.cssSelector("#topic-" + TOPIC + " li a"));
            assertThat(links).as("articles of " + TOPIC + " listed from the content API").hasSizeGreaterThanOrEqualTo(3);
            String title = links.get(i).getText();
            links.get(i).click();
            waitFor(browser, By.id("article-title"));
            assertThat(browser.findElement(By.id("article-title")).getText()).isEqualTo(title);
            assertThat(browser.getCurrentUrl()).contains("/articles/" + TOPIC + "/");
        }
    }

    private static void homeShowsTopic(ChromeDriver browser) {
        await().atMost(PROFILE_UPDATE).pollInterval(Duration.ofMillis(300)).until(() -> {
            browser.get(server.baseUri().toString());
            return displayed(browser, By.id("block-topic-" + TOPIC));
        });
        List<WebElement> topicRecs = browser.findElements(By.cssSelector("#block-topic-" + TOPIC + " li a"));
        assertThat(topicRecs).as("recommendations in the topic block").isNotEmpty();
        assertThat(topicRecs).allSatisfy(a -> assertThat(a.getAttribute("href")).contains("/articles/" + TOPIC + "/"));
        assertThat(browser.findElements(By.cssSelector("#recommendations li.card a"))).as("recommendations").isNotEmpty();
        assertThat(displayed(browser, By.id("status-known"))).isTrue();
        assertThat(displayed(browser, By.id("block-known"))).as("still anonymous").isFalse();
    }

    private static void loginShowsKnownUser(ChromeDriver browser) {
        browser.findElement(By.id("login-link")).click();
        browser.findElement(By.id("login-grace")).click();
        waitFor(browser, By.id("logged-in-as"));
        assertThat(browser.findElement(By.id("logged-in-as")).getText()).contains("Grace");
        await().atMost(PROFILE_UPDATE).pollInterval(Duration.ofMillis(300)).until(() -> {
            browser.get(server.baseUri().toString());
            return displayed(browser, By.id("block-known")) && displayed(browser, By.id("block-topic-" + TOPIC));
        });
        assertThat(browser.findElement(By.id("first-name")).getText()).isEqualTo("Grace");
        assertThat(browser.findElement(By.id("known-name")).getText()).isEqualTo("Grace");
    }

    /** A click that submits a form or follows a link may return before the next page is there: wait for it. */
    private static void waitFor(ChromeDriver browser, By by) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> !browser.findElements(by).isEmpty());
    }

    private static boolean displayed(ChromeDriver browser, By by) {
        List<WebElement> found = browser.findElements(by);
        return !found.isEmpty() && found.get(0).isDisplayed();
    }

    private static void screenshot(ChromeDriver browser, String name) throws IOException {
        Path target = Path.of(System.getProperty("example.screenshots", "target/screenshots"), name);
        Files.createDirectories(target.getParent());
        Files.write(target, browser.getScreenshotAs(OutputType.BYTES));
    }
}
