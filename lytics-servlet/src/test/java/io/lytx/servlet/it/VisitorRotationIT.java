package io.lytx.servlet.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two people on one browser never share a visitor id (issue 22, item 1). The hostile input is the
 * shared family computer: one person logs in, logs out (or not), another logs in on the same browser
 * with the same cookie jar. What must hold: when the browser's known identity changes, the
 * {@code seerid} is rotated, so the second person's identify event carries a new id and Lytics (the
 * sandbox, which stitches an identify's {@code _uid} and e-mail into one profile) keeps two profiles;
 * the same person logging in again keeps their id; a forged binding cookie earns nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class VisitorRotationIT {

    private static final Duration STITCHED = Duration.ofSeconds(20);

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive app() {
        return TestApps.withPlugin("visitor-rotation", Map.of(
                "lytics.api.url", SharedSandbox.get().baseUri().toString(),
                "lytics.api.token", SharedSandbox.get().adminToken(),
                "lytics.budget.ms", "1000",
                "lytics.batch.linger.ms", "50",
                "lytics.identity.attribute", "app.user",
                "lytics.profile.negative.ttl.s", "1",
                "lytics.profile.ttl.s", "2",
                "lytics.profile.refresh.s", "1"));
    }

    private URI uri(String path) {
        return Http.base(base).resolve(path);
    }

    private Map<String, String> page(Http.CookieJar jar) {
        HttpResponse<String> r = jar.take(Http.getPage(uri("page"), jar.header()));
        assertThat(r.statusCode()).isEqualTo(200);
        return Http.lines(r.body());
    }

    private void post(Http.CookieJar jar, String path, String email) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(email == null ? "" : "email=" + email.replace("@", "%40")));
        if (jar.header() != null) {
            b.header("Cookie", jar.header());
        }
        assertThat(jar.take(Http.send(b.build())).statusCode()).isEqualTo(200);
    }

    private static String email(String who) {
        return who + "-" + UUID.randomUUID() + "@example.org";
    }

    @Test
    void logoutThenAnotherUserGetsANewVisitorIdAndTwoProfilesStaySeparate() {
        Http.CookieJar browser = new Http.CookieJar();
        String ada = email("ada");
        String bob = email("bob");

        String anonymousId = page(browser).get("visitorId");
        assertThat(Http.isMintedId(anonymousId)).isTrue();
        assertThat(browser.get("seerid_bind")).as("the binding cookie goes with a minted id").isNotNull();

        post(browser, "login", ada);
        Map<String, String> asAda = page(browser);
        assertThat(asAda).containsEntry("knownUser", "true")
                .as("an anonymous visitor who logs in keeps the id (login stitching)").containsEntry("visitorId", anonymousId);

        post(browser, "logout", null);
        Map<String, String> afterLogout = page(browser);
        String loggedOutId = afterLogout.get("visitorId");
        assertThat(afterLogout).containsEntry("knownUser", "false");
        assertThat(loggedOutId).as("the id is rotated at logout").isNotEqualTo(anonymousId);
        assertThat(browser.get("seerid")).isEqualTo(loggedOutId);

        post(browser, "login", bob);
        Map<String, String> asBob = page(browser);
        assertThat(asBob).containsEntry("knownUser", "true");
        assertThat(asBob.get("visitorId")).as("Bob's identify never carries Ada's id").isNotEqualTo(anonymousId)
                .isEqualTo(loggedOutId);

        SandboxAdmin sandbox = new SandboxAdmin(SharedSandbox.get());
        await().atMost(STITCHED).until(() -> sandbox.hasProfile("email", ada) && sandbox.hasProfile("email", bob));
        assertSeparate(sandbox, ada, anonymousId, bob, loggedOutId);
        await().atMost(STITCHED).untilAsserted(() -> assertThat(page(browser)).as("Bob is greeted as Bob")
                .containsEntry("status", "KNOWN").containsEntry("email", bob));
    }

    @Test
    void anotherUserLoggingInWithoutALogoutGetsANewIdAndTheSameUserKeepsTheirs() {
        Http.CookieJar browser = new Http.CookieJar();
        String ada = email("ada");
        String bob = email("bob");
        page(browser);
        post(browser, "login", ada);
        String adasId = page(browser).get("visitorId");

        // the same user logs in again (a new session): same id, no Set-Cookie for seerid
        post(browser, "login", ada);
        String seeridBefore = browser.get("seerid");
        HttpResponse<String> again = browser.take(Http.getPage(uri("page"), browser.header()));
        assertThat(Http.lines(again.body())).containsEntry("visitorId", adasId);
        assertThat(Http.setCookieValue(again, "seerid")).as("the same user keeps their id").isNull();
        assertThat(browser.get("seerid")).isEqualTo(seeridBefore);

        // another user logs in over Ada's session, no logout in between
        post(browser, "login", bob);
        String bobsId = page(browser).get("visitorId");
        assertThat(bobsId).as("a different user gets a new id").isNotEqualTo(adasId);
        assertThat(Http.isMintedId(bobsId)).isTrue();

        SandboxAdmin sandbox = new SandboxAdmin(SharedSandbox.get());
        await().atMost(STITCHED).until(() -> sandbox.hasProfile("email", ada) && sandbox.hasProfile("email", bob));
        assertSeparate(sandbox, ada, adasId, bob, bobsId);
    }

    @Test
    void aForgedOrForeignBindingCookieNeverStitchesTheIdToTheUser() {
        // input: Ada's visitor id with a binding cookie made up by the client (and one copied from
        // another id); must hold: Carl's login rotates the id, Ada's id never meets Carl's e-mail
        Http.CookieJar ada = new Http.CookieJar();
        String adaEmail = email("ada");
        page(ada);
        post(ada, "login", adaEmail);
        String adasId = page(ada).get("visitorId");
        Http.CookieJar other = new Http.CookieJar();
        page(other);

        for (String marker : new String[] {"1.AAAAAAAAAAAAAAAAAAAAAA", other.get("seerid_bind"), "", "x".repeat(5000)}) {
            Http.CookieJar carl = new Http.CookieJar();
            String carlEmail = email("carl");
            post(carl, "login", carlEmail);
            HttpResponse<String> r = Http.getPage(uri("page"), "seerid=" + adasId + "; seerid_bind=" + marker + "; "
                    + carl.header());
            Map<String, String> seen = Http.lines(r.body());
            assertThat(seen).containsEntry("knownUser", "true");
            assertThat(seen.get("visitorId")).as("marker %s", marker.length() > 40 ? "(5000 x)" : marker)
                    .isNotEqualTo(adasId);
            assertThat(Http.setCookieValue(r, "seerid")).isEqualTo(seen.get("visitorId"));
        }
    }

    @Test
    void aStaleCopyOfTheOldIdSentFirstDoesNotWinOverTheRotatedOne() {
        // input: after a logout rotated the id, the browser still sends the old value first (a copy on a
        // longer path, as the JS tag writes one); must hold: the id the binding vouches for is used
        Http.CookieJar browser = new Http.CookieJar();
        page(browser);
        post(browser, "login", email("ada"));
        String adasId = page(browser).get("visitorId");
        post(browser, "logout", null);
        String newId = page(browser).get("visitorId");
        assertThat(newId).isNotEqualTo(adasId);

        HttpResponse<String> r = Http.getPage(uri("page"), "seerid=" + adasId + "; " + browser.header());
        assertThat(Http.lines(r.body())).containsEntry("visitorId", newId);
        assertThat(r.headers().allValues("set-cookie")).as("nothing to repair").isEmpty();
    }

    /** Each e-mail's profile holds its own visitor id and not the other's (nothing stitched across). */
    private static void assertSeparate(SandboxAdmin sandbox, String firstEmail, String firstId, String secondEmail,
                                       String secondId) {
        JsonObject first = sandbox.entity("email", firstEmail).getJsonObject("data");
        JsonObject second = sandbox.entity("email", secondEmail).getJsonObject("data");
        assertThat(uids(first)).as("profile of %s: %s", firstEmail, first).contains(firstId).doesNotContain(secondId);
        assertThat(uids(second)).as("profile of %s: %s", secondEmail, second).contains(secondId).doesNotContain(firstId);
        assertThat(second.toString()).doesNotContain(firstEmail);
        assertThat(first.toString()).doesNotContain(secondEmail);
        JsonObject byFirstId = sandbox.entity("_uid", firstId).getJsonObject("data");
        assertThat(byFirstId.getString("email", null)).isEqualTo(firstEmail);
    }

    private static String uids(JsonObject data) {
        JsonValue v = data.get("_uids");
        return v == null ? "" : v.toString();
    }
}
