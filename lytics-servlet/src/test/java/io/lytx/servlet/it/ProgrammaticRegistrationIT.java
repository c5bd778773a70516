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
 * An application that does not scan web fragments ({@code metadata-complete="true"}) registers the
 * plugin with {@code LyticsInitializer.register(ServletContext, LyticsConfig)}: it then works the
 * same way (had the fragment been applied too, the registration would have failed the deployment).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProgrammaticRegistrationIT {

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive app() {
        return TestApps.programmatic("programmatic", Map.of(
                "app.upstream", SharedSandbox.get().baseUri().toString(),
                "app.secret", SharedSandbox.get().adminToken()));
    }

    @Test
    void programmaticallyRegisteredFilterHandlesPages() {
        URI page = Http.base(base).resolve("page");

        HttpResponse<String> r = Http.getPage(page, null);

        assertThat(r.statusCode()).isEqualTo(200);
        String visitorId = Http.setCookieValue(r, "seerid");
        assertThat(Http.isMintedId(visitorId)).isTrue();
        assertThat(Http.lines(r.body())).containsEntry("active", "true").containsEntry("visitorId", visitorId);
        // the very first upstream call of a fresh JVM may exceed the budget (class loading): wait for an answer
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                Http.lines(Http.getPage(page, "seerid=" + visitorId).body())).containsEntry("status", "NEW_VISITOR"));
        assertThat(Jmx.counter(Jmx.contextOf(base), "Pages")).isGreaterThanOrEqualTo(2);
    }
}
