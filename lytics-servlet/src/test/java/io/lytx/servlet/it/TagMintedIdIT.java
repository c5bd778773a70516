package io.lytx.servlet.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A visitor who arrives with a {@code seerid} that Lytics' own tag minted keeps it: the server sets no
 * new cookie, the page sees that id and its page view reaches Lytics (the sandbox) under it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TagMintedIdIT {

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive app() {
        return TestApps.withPlugin("tag-minted-id", Map.of(
                "lytics.api.url", SharedSandbox.get().baseUri().toString(),
                "lytics.api.token", SharedSandbox.get().adminToken(),
                "lytics.budget.ms", "1000",
                "lytics.batch.linger.ms", "50"));
    }

    @Test
    void idsInTheFormatsOfLyticsTagAreKeptAndForwarded() {
        // the formats of the ids the tag mints when it finds no cookie (bechirsegni/jstag, a fork of Lytics' jstag):
        // v3 src/rollup/util/uid.js 'u_' + Math.floor(Math.random() * 1e18); v2 src/legacy/v2/io.js s16()
        // ((1 + Math.random()) * 0x10000).toString(); and a UUID v4
        Random random = new SecureRandom();
        List<String> ids = List.of("u_" + (long) Math.floor(random.nextDouble() * 1e18),
                Double.toString((1 + random.nextDouble()) * 0x10000), UUID.randomUUID().toString());
        SandboxAdmin sandbox = new SandboxAdmin(SharedSandbox.get());
        for (String id : ids) {
            HttpResponse<String> page = Http.getPage(Http.base(base).resolve("page"), "seerid=" + id);
            assertThat(page.statusCode()).as("status for %s", id).isEqualTo(200);
            assertThat(Http.setCookieValue(page, "seerid")).as("no new cookie for %s", id).isNull();
            assertThat(Http.lines(page.body())).as("page of %s", id).containsEntry("visitorId", id);
            await("page view of " + id + " in the sandbox").atMost(Duration.ofSeconds(15))
                    .until(() -> sandbox.hasProfile("_uid", id));
        }
    }
}
