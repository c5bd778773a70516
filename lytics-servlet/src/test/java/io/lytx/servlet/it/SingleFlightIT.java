package io.lytx.servlet.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** 200 concurrent first requests of one visitor cause exactly one entity call upstream. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SingleFlightIT {

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive app() {
        return TestApps.withPlugin("single-flight", Map.of(
                "lytics.api.url", SharedSandbox.get().baseUri().toString(),
                "lytics.api.token", SharedSandbox.get().adminToken(),
                "lytics.budget.ms", "5000",
                "lytics.collect.enabled", "false"));
    }

    @Test
    void concurrentFirstRequestsShareOneUpstreamCall() {
        SandboxAdmin sandbox = new SandboxAdmin(SharedSandbox.get());
        URI page = Http.base(base).resolve("page");
        String visitorId = java.util.UUID.randomUUID().toString();
        sandbox.resetStats();

        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            responses.add(Http.client().sendAsync(Http.page(page).header("Cookie", "seerid=" + visitorId).GET().build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        CompletableFuture.allOf(responses.toArray(new CompletableFuture<?>[0])).join();

        for (CompletableFuture<HttpResponse<String>> f : responses) {
            HttpResponse<String> r = f.join();
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(Http.lines(r.body())).containsEntry("visitorId", visitorId).containsEntry("status", "NEW_VISITOR");
        }
        assertThat(sandbox.count(SandboxAdmin.ENTITY_ROUTE)).as("entity calls upstream for 200 requests").isEqualTo(1);
    }
}
