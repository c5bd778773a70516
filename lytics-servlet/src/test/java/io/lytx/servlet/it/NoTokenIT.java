package io.lytx.servlet.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Without a token the plugin disables itself with one warning, and the site works as before. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NoTokenIT {

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive app() {
        LogCapture.install();
        return TestApps.withPlugin("no-token", Map.of("lytics.api.url", SharedSandbox.get().baseUri().toString()));
    }

    @Test
    void siteWorksWithoutThePluginAfterOneWarning() {
        URI page = Http.base(base).resolve("page");

        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = Http.getPage(page, null);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().allValues("set-cookie")).isEmpty();
            assertThat(Http.lines(r.body())).containsEntry("active", "false");
        }
        String context = Jmx.contextOf(base);
        List<String> warnings = LogCapture.install().lines().stream()
                .filter(l -> l.contains("Lytics personalization is disabled") && l.contains("'" + context + "'"))
                .toList();
        assertThat(warnings).as("warnings about the missing token").hasSize(1);
        assertThat(warnings.get(0)).contains("LYTICS_API_TOKEN");
        assertThat(Jmx.attribute(context, "Active")).isEqualTo(false);
    }
}
