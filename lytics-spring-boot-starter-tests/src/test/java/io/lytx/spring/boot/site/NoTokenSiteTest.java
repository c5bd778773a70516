package io.lytx.spring.boot.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The site with no token: it starts, serves its pages unpersonalized (default content, no cookie),
 * reports Lytics as disabled in its health while staying UP, and says why once.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = TestSite.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "lytics.api-url=http://127.0.0.1:9/")
@DirtiesContext
class NoTokenSiteTest {

    @Value("${local.server.port}")
    int port;

    @Test
    void pagesAreServedUnpersonalizedAfterOneWarning(CapturedOutput output) {
        Browser browser = new Browser(port);

        HttpResponse<String> page = browser.page("/");
        HttpResponse<String> health = browser.json("/actuator/health");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Hello <span>there</span>").contains("[NOT-KNOWN-USERS]")
                .doesNotContain("[STATUS-NEW]").doesNotContain("[STATUS-KNOWN]");
        assertThat(page.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("seerid="));
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"state\":\"disabled\"");
        // the context of this class started after the capture began: its warning is in the output once
        assertThat(output.getAll().split("Lytics personalization is disabled", -1)).hasSize(2);
        // it names the setting as a Boot site writes it, not the servlet module's dotted key
        assertThat(output.getAll()).contains("no API token: set LYTICS_API_TOKEN or lytics.api-token")
                .doesNotContain("lytics.api.token");
    }
}
