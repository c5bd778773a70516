package io.lytx.servlet.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sandbox's entity API hangs: every page still answers within the budget plus a small margin,
 * saying the profile is unavailable, and the circuit breaker opens so that later pages do not wait.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UpstreamHangIT {

    private static final long BUDGET_MS = 150;
    /** Scheduling margin on a shared 2-core machine (the page does its own small work too). */
    private static final long MARGIN_MS = 150;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive app() {
        return TestApps.withPlugin("upstream-hang", Map.of(
                "lytics.api.url", SharedSandbox.get().baseUri().toString(),
                "lytics.api.token", SharedSandbox.get().adminToken(),
                "lytics.budget.ms", String.valueOf(BUDGET_MS),
                "lytics.breaker.open.s", "30"));
    }

    @AfterEach
    void clearFaults() {
        new SandboxAdmin(SharedSandbox.get()).clearFaults();
    }

    private static String returningVisitor() {
        return "seerid=" + UUID.randomUUID();
    }

    @Test
    void pagesStayWithinBudgetAndTheBreakerOpens() {
        SandboxAdmin sandbox = new SandboxAdmin(SharedSandbox.get());
        URI page = Http.base(base).resolve("page");
        Http.getPage(page, null); // warm-up: class loading and connection set-up are not the budget's concern
        sandbox.putFault("{\"route\":\"" + SandboxAdmin.ENTITY_ROUTE + "\",\"hang\":true,\"hang_ms\":60000}");

        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            long start = System.nanoTime();
            // a returning visitor whose profile is not cached (a brand-new visitor is not looked up at all)
            HttpResponse<String> r = Http.getPage(page, returningVisitor());
            millis.add((System.nanoTime() - start) / 1_000_000);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(Http.lines(r.body())).containsEntry("status", "UNAVAILABLE");
        }

        System.out.println("UpstreamHangIT page times (ms) with a hanging upstream, budget " + BUDGET_MS + ": " + millis);
        assertThat(millis).as("page times in ms with a hanging upstream (budget %d ms)", BUDGET_MS)
                .allSatisfy(ms -> assertThat(ms).isLessThanOrEqualTo(BUDGET_MS + MARGIN_MS));
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(Jmx.attribute(Jmx.contextOf(base), "BreakerState")).isEqualTo("OPEN"));

        long start = System.nanoTime();
        HttpResponse<String> whileOpen = Http.getPage(page, returningVisitor());
        long openMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(Http.lines(whileOpen.body())).containsEntry("status", "UNAVAILABLE");
        assertThat(openMillis).as("a page with the breaker open does not wait for the budget").isLessThan(BUDGET_MS);
        assertThat(Jmx.counter(Jmx.contextOf(base), "BreakerRejected")).isPositive();
    }
}
