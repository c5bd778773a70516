package io.lytx.servlet.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Without consent (no consent cookie, or Sec-GPC: 1): no cookie, nothing fetched, nothing collected. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsentIT {


    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive app() {
        return TestApps.withPlugin("consent", Map.of(
                "lytics.api.url", SharedSandbox.get().baseUri().toString(),
                "lytics.api.token", SharedSandbox.get().adminToken(),
                "lytics.budget.ms", "1000",
                "lytics.consent.mode", "gpc,cookie",
                "lytics.consent.cookie.name", "cc",
                "lytics.consent.cookie.value", "yes"));
    }

    @Test
    void noConsentMeansNoCookieNoFetchNoEvent() {
        URI page = Http.base(base).resolve("page");
        long offered = Jmx.counter(Jmx.contextOf(base), "EventsOffered");
        long upstreamLoads = Jmx.counter(Jmx.contextOf(base), "UpstreamLoads") + Jmx.counter(Jmx.contextOf(base), "CacheMisses");

        HttpResponse<String> noCookie = Http.getPage(page, null);
        HttpResponse<String> refused = Http.getPage(page, "cc=no");
        HttpResponse<String> gpc = Http.send(Http.page(page).header("Cookie", "cc=yes").header("Sec-GPC", "1").GET().build());

        for (HttpResponse<String> r : java.util.List.of(noCookie, refused, gpc)) {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().allValues("set-cookie")).isEmpty();
            assertThat(Http.lines(r.body())).containsEntry("reason", "no consent").containsEntry("visitorId", "null");
        }
        assertThat(Jmx.counter(Jmx.contextOf(base), "NoConsent")).isGreaterThanOrEqualTo(3);
        assertThat(Jmx.counter(Jmx.contextOf(base), "EventsOffered")).isEqualTo(offered);
        assertThat(Jmx.counter(Jmx.contextOf(base), "UpstreamLoads") + Jmx.counter(Jmx.contextOf(base), "CacheMisses")).isEqualTo(upstreamLoads);
    }

    @Test
    void consentCookieEnablesThePlugin() {
        URI page = Http.base(base).resolve("page");
        long offered = Jmx.counter(Jmx.contextOf(base), "EventsOffered");

        HttpResponse<String> r = Http.getPage(page, "cc=yes");

        assertThat(Http.isMintedId(Http.setCookieValue(r, "seerid"))).isTrue();
        assertThat(Http.lines(r.body())).containsEntry("active", "true");
        assertThat(Jmx.counter(Jmx.contextOf(base), "EventsOffered")).isEqualTo(offered + 1);
    }

    @Test
    void aRefusalBeatsAGrantWhateverTheOrderOfDuplicateConsentCookies() {
        // input: the consent cookie twice (different paths, or a hostile client), the refusal first or last;
        // must hold: no consent (no cookie, nothing sent) unless every value grants it
        URI page = Http.base(base).resolve("page");
        long noConsent = Jmx.counter(Jmx.contextOf(base), "NoConsent");
        String[] refusals = {"cc=no; cc=yes", "cc=yes; cc=no", "cc=yes; cc=", "cc=maybe; cc=yes"};
        for (String cookies : refusals) {
            HttpResponse<String> r = Http.getPage(page, cookies);
            assertThat(r.headers().allValues("set-cookie")).as(cookies).isEmpty();
            assertThat(Http.lines(r.body())).as(cookies).containsEntry("reason", "no consent")
                    .containsEntry("visitorId", "null");
        }
        // each was turned away before identity, lookup and collection (the filter's no-consent path)
        assertThat(Jmx.counter(Jmx.contextOf(base), "NoConsent") - noConsent).isEqualTo(refusals.length);

        HttpResponse<String> twiceGranted = Http.getPage(page, "cc=yes; cc=yes");
        assertThat(Http.lines(twiceGranted.body())).containsEntry("active", "true");
    }
}
