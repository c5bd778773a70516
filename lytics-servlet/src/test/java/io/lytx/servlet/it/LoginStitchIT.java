package io.lytx.servlet.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
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
 * Login stitching: when a known user (session attribute) and a visitor id meet, one identify event
 * carrying both reaches the sandbox, which stitches them; the profile then becomes known by e-mail.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LoginStitchIT {


    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive app() {
        return TestApps.withPlugin("login-stitch", Map.of(
                "lytics.api.url", SharedSandbox.get().baseUri().toString(),
                "lytics.api.token", SharedSandbox.get().adminToken(),
                "lytics.budget.ms", "1000",
                "lytics.batch.linger.ms", "50",
                "lytics.identity.attribute", "app.user",
                "lytics.identity.field", "email",
                "lytics.profile.negative.ttl.s", "1",
                "lytics.profile.ttl.s", "2",
                "lytics.profile.refresh.s", "1"));
    }

    @Test
    void loginSendsOneIdentifyAndTheProfileBecomesKnown() {
        URI page = Http.base(base).resolve("page");
        URI login = Http.base(base).resolve("login");
        String email = "pat-" + UUID.randomUUID() + "@example.org";
        SandboxAdmin sandbox = new SandboxAdmin(SharedSandbox.get());

        HttpResponse<String> anonymous = Http.getPage(page, null);
        String visitorId = Http.setCookieValue(anonymous, "seerid");
        assertThat(Http.lines(anonymous.body())).containsEntry("knownUser", "false");

        HttpResponse<String> loggedIn = Http.send(HttpRequest.newBuilder(login)
                .header("Cookie", "seerid=" + visitorId)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=" + email.replace("@", "%40"))).build());
        assertThat(loggedIn.statusCode()).isEqualTo(200);
        String session = Http.setCookieValue(loggedIn, "JSESSIONID");
        assertThat(session).isNotNull();
        String cookies = "seerid=" + visitorId + "; JSESSIONID=" + session;
        long identifiesBefore = Jmx.counter(Jmx.contextOf(base), "Identifies");

        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = Http.getPage(page, cookies);
            assertThat(Http.lines(r.body())).containsEntry("knownUser", "true").containsEntry("visitorId", visitorId);
        }
        assertThat(Jmx.counter(Jmx.contextOf(base), "Identifies") - identifiesBefore).as("identify events for one session")
                .isEqualTo(1);

        await().atMost(Duration.ofSeconds(15)).until(() -> sandbox.hasProfile("email", email));
        JsonObject byCookie = sandbox.entity("_uid", visitorId);
        assertThat(byCookie.getJsonObject("data").getString("email", null)).as("profile found by the cookie id")
                .isEqualTo(email);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            Map<String, String> seen = Http.lines(Http.getPage(page, cookies).body());
            assertThat(seen).containsEntry("status", "KNOWN").containsEntry("email", email);
        });
    }
}
