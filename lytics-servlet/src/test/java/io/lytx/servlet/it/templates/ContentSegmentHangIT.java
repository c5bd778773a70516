package io.lytx.servlet.it.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One deadline per request, in a real container (Jetty and Tomcat) against the sandbox: the
 * recommendations upstream hangs (only that route), and a JSP page renders the default list and then
 * a content segment's list. The default list waits until the request's budget is spent; the content
 * segment's list is asked against the same, spent deadline, so it answers at once instead of waiting
 * a budget of its own, and the page answers within one budget (plus the grace), not two.
 *
 * <p>The assertions leave room for a loaded machine: every bound is at least half a budget away from
 * what the code does, while a page that started a second budget is, by construction, on the wrong
 * side of it (its timer cannot fire before that budget has passed).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ContentSegmentHangIT {

    private static final long BUDGET_MS = 600;

    static final String PAGE = """
            <%@ page contentType="text/html;charset=UTF-8" %><%@ taglib prefix="lytics" uri="https://lytx.io/tags" %>\
            <!DOCTYPE html>
            <html><body>
            <ul id="any"><lytics:recommendations var="r" limit="3">[${r.title}]</lytics:recommendations></ul>
            <% long segmentStart = System.nanoTime(); %>\
            <ul id="articles"><lytics:recommendations var="r" limit="3" contentsegment="articles">\
            [${r.title}]</lytics:recommendations></ul>
            <p id="segment-wait-ms"><%= (System.nanoTime() - segmentStart) / 1_000_000 %></p>
            </body></html>
            """;
    private static final Pattern SEGMENT_WAIT = Pattern.compile("<p id=\"segment-wait-ms\">(\\d+)</p>");

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive app() {
        TemplateSandbox sandbox = TemplateSandbox.get();
        return TemplateApps.withPages("segmenthang", Map.of(
                "lytics.api.url", sandbox.baseUri().toString(),
                "lytics.api.token", sandbox.token(),
                "lytics.budget.ms", String.valueOf(BUDGET_MS),
                "lytics.breaker.open.s", "30"), Map.of("page.jsp", PAGE));
    }

    @AfterEach
    void clearFaults() {
        TemplateSandbox.get().clearFaults();
    }

    private HttpResponse<String> page() {
        HttpResponse<String> r = Browser.page(Browser.resolve(base, "page.jsp"), "seerid=" + UUID.randomUUID());
        assertThat(r.statusCode()).as("page status, body: %s", r.body()).isEqualTo(200);
        return r;
    }

    @Test
    void aContentSegmentListSharesTheRequestsDeadline() {
        TemplateSandbox sandbox = TemplateSandbox.get();
        page(); // compiles page.jsp (slower than a budget on a busy machine) while the upstream still answers
        sandbox.putFault("{\"route\":\"" + TemplateSandbox.RECOMMEND_ROUTE + "\",\"hang\":true,\"hang_ms\":60000}");
        long callsBefore = sandbox.count(TemplateSandbox.RECOMMEND_ROUTE);

        // input: a returning visitor (not cached) opens the page while every recommendation call hangs
        long start = System.nanoTime();
        HttpResponse<String> r = page();
        long pageMillis = (System.nanoTime() - start) / 1_000_000;
        Matcher wait = SEGMENT_WAIT.matcher(r.body());
        assertThat(wait.find()).as("segment wait in %s", r.body()).isTrue();
        long segmentWaitMillis = Long.parseLong(wait.group(1));
        System.out.println("ContentSegmentHangIT: budget " + BUDGET_MS + " ms, page " + pageMillis
                + " ms, content-segment list " + segmentWaitMillis + " ms");

        // the hang was real: the upstream was asked, and the page waited for the default list until its budget ran out
        assertThat(sandbox.count(TemplateSandbox.RECOMMEND_ROUTE)).isGreaterThan(callsBefore);
        assertThat(pageMillis).as("page time, ms").isGreaterThanOrEqualTo(BUDGET_MS);
        // both lists fall back to nothing
        assertThat(r.body()).contains("<ul id=\"any\"></ul>").contains("<ul id=\"articles\"></ul>");
        // the content segment's list was asked against the spent request deadline: no budget of its own
        // (a fresh budget would have kept it at least BUDGET_MS)
        assertThat(segmentWaitMillis).as("wait of the content-segment list after the budget was spent, ms")
                .isLessThan(BUDGET_MS / 2);
        // so the page answered within one budget (plus the grace), not two
        assertThat(pageMillis).as("page time, ms").isLessThan(2 * BUDGET_MS);
    }
}
