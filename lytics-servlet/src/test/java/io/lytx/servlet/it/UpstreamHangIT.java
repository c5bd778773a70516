package io.lytx.servlet.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
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
 * The sandbox's entity API hangs: every page still answers, unavailable because its budget ran out,
 * until the circuit breaker opens; from then on pages are refused at once and do not wait at all.
 *
 * <p>What is timed is the page's wait for the profile, inside the server (the test page measures its
 * first read of the profile), not the whole HTTP exchange: the budget bounds the wait, not the
 * container or the test's HTTP client. The code treats every page alike, so a page that waits for
 * something longer than the budget shows in every page, while a busy machine delays only some:
 * the bound is checked on the quickest page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UpstreamHangIT {

    private static final long BUDGET_MS = 150;
    /**
     * The next-longer thing a page could wait for after its budget: the guard that gives up an upstream
     * call whose own timeout did not fire, twice the budget plus 100 ms ({@code UpstreamCall.guardNanos}).
     */
    private static final long GUARD_MS = 2 * BUDGET_MS + 100;
    /** The reasons a page gets when its budget ran out: the lookup's timer, or the page's own timed wait. */
    private static final String TIMEOUT = "timeout";
    private static final String BUDGET_EXCEEDED = "budget exceeded";
    /** The reason of a page refused by the open breaker, answered at once. */
    private static final String BREAKER_OPEN = "breaker open";

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
    void pagesEndAtTheirBudgetAndTheBreakerOpens() {
        // input: the entity API hangs for 60 s; 12 returning visitors whose profiles are not cached, then one
        // more once the breaker is open. Must hold: each page is served UNAVAILABLE, because its budget ran
        // out or (once enough calls were slow) because the breaker refused it; the quickest page ended by its
        // budget waited less than the guard (so the budget, not anything longer, ends the wait); with the
        // breaker open a page is answered "breaker open", from a lookup that was already complete when the
        // page read it (no wait at all)
        SandboxAdmin sandbox = new SandboxAdmin(SharedSandbox.get());
        URI page = Http.base(base).resolve("page");
        Http.getPage(page, null); // warm-up: class loading and connection set-up are not the budget's concern
        sandbox.putFault("{\"route\":\"" + SandboxAdmin.ENTITY_ROUTE + "\",\"hang\":true,\"hang_ms\":60000}");

        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            // a returning visitor whose profile is not cached (a brand-new visitor is not looked up at all)
            HttpResponse<String> r = Http.getPage(page, returningVisitor());
            assertThat(r.statusCode()).isEqualTo(200);
            Map<String, String> seen = Http.lines(r.body());
            assertThat(seen).containsEntry("status", "UNAVAILABLE");
            // until the breaker has seen enough slow calls, the budget ends each page; then the breaker refuses
            assertThat(seen.get("reason")).isIn(TIMEOUT, BUDGET_EXCEEDED, BREAKER_OPEN);
            if (!BREAKER_OPEN.equals(seen.get("reason"))) {
                waits.add(Long.parseLong(seen.get("profileWaitMs")));
            }
        }

        System.out.println("UpstreamHangIT profile waits (ms) of pages ended by the budget (" + BUDGET_MS + " ms): " + waits);
        assertThat(waits).as("pages ended by their budget before the breaker opened").isNotEmpty();
        assertThat(Collections.min(waits)).as("quickest profile wait in ms of %s (budget %d ms)", waits, BUDGET_MS)
                .isLessThan(GUARD_MS);
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(Jmx.attribute(Jmx.contextOf(base), "BreakerState")).isEqualTo("OPEN"));

        HttpResponse<String> whileOpen = Http.getPage(page, returningVisitor());
        assertThat(Http.lines(whileOpen.body())).containsEntry("status", "UNAVAILABLE")
                .as("refused by the open breaker at once, not left to the budget")
                .containsEntry("reason", BREAKER_OPEN);
        assertThat(Jmx.counter(Jmx.contextOf(base), "BreakerRejected")).isPositive();
    }
}
