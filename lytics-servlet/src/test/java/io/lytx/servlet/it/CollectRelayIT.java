package io.lytx.servlet.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lytx.client.testing.RecordedRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The collect relay takes from the browser only the fields on its allow-list, never an identity field:
 * an attacker posting a victim's {@code seerid} as {@code _uids} (the field Lytics accumulates cookie
 * ids in and stitches profiles on, go-lytics {@code mock/json/get_entity.json}) or the victim's e-mail
 * must not reach Lytics, so no profile is merged and no victim data is shown back. Asserted on exactly
 * what the recording upstream received.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CollectRelayIT {

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive app() {
        return TestApps.withPlugin("relay", Map.of(
                "lytics.api.url", RecordingUpstream.get().baseUri().toString(),
                "lytics.api.token", "relay-test-token",
                "lytics.budget.ms", "1000",
                "lytics.batch.linger.ms", "50",
                "lytics.endpoints.collect.fields", "_e,_ts,_pvid,url,utm_*,product_id",
                "lytics.endpoints.collect.identity.fields", "email,user_id,customer_key"));
    }

    @Test
    void hostileIdentityFieldsNeverReachLytics() {
        URI collect = Http.base(base).resolve("lytics/collect");
        String attacker = UUID.randomUUID().toString();
        String victimSeerid = UUID.randomUUID().toString();
        // input: every identity field Lytics stitches on, with the victim's values, in several spellings,
        // plus a profile field and the fields a site allowed
        String hostile = "{\"_e\":\"add_to_cart\",\"product_id\":\"sku-1\",\"utm_source\":\"mail\",\"url\":\"shop/cart\","
                + "\"_uids\":\"" + victimSeerid + "\",\"_uid\":\"" + victimSeerid + "\",\"seerid\":\"" + victimSeerid + "\","
                + "\"_UIDS\":\"" + victimSeerid + "\",\"email\":\"victim@example.org\",\"Email\":\"victim@example.org\","
                + "\"user_id\":\"victim\",\"customer_key\":\"c-victim\",\"_uido\":\"" + victimSeerid + "\","
                + "\"_getid\":\"t\",\"first_name\":\"Mallory\",\"_eid\":\"chosen-id\"}";
        int before = RecordingUpstream.get().requests().size();

        HttpResponse<String> accepted = Http.postEvent(collect, "seerid=" + attacker, hostile);
        assertThat(accepted.statusCode()).as("body %s", accepted.body()).isEqualTo(204);
        JsonObject forwarded = await().atMost(Duration.ofSeconds(15))
                .until(() -> forwardedFor(attacker, before), Optional::isPresent).orElseThrow();
        assertThat(forwarded.keySet()).as("the forwarded event: %s", forwarded)
                .containsExactlyInAnyOrder("_e", "product_id", "utm_source", "url", "_ts", "_uid", "_eid");
        assertThat(forwarded.getString("_uid")).as("identity is the cookie's").isEqualTo(attacker);
        assertThat(forwarded.getString("_eid")).isNotEqualTo("chosen-id");
        assertThat(forwarded.getString("product_id")).isEqualTo("sku-1");

        // input: the same browser naming its event as the server's login
        HttpResponse<String> login = Http.postEvent(collect, "seerid=" + attacker,
                "{\"_e\":\"login\",\"url\":\"shop/login\"}");
        assertThat(login.statusCode()).isEqualTo(400);
        assertThat(login.body()).contains("server only");
        String everything = RecordingUpstream.get().requests().stream().skip(before)
                .map(RecordedRequest::bodyText).reduce("", String::concat);
        assertThat(everything).doesNotContain(victimSeerid).doesNotContain("victim@example.org")
                .doesNotContain("c-victim").doesNotContain("Mallory").doesNotContain("shop/login");
    }

    @Test
    void theRelayActsAsTheIdTheMarkerVouchesForNeverTheFormerPersons() {
        URI collect = Http.base(base).resolve("lytics/collect");
        String former = UUID.randomUUID().toString();
        String current = UUID.randomUUID().toString();
        // the marker the server gives the current id on a page (the browser keeps it beside seerid)
        String marker = Http.setCookieValue(Http.getPage(Http.base(base).resolve("page"), "seerid=" + current),
                "seerid_bind");
        assertThat(marker).as("marker set on a page").isNotNull();
        int before = RecordingUpstream.get().requests().size();
        // input: a shared browser after the id was rotated: a stale copy of the former person's seerid comes
        // first, then the current id with its marker; what must hold: the event goes to the current id only
        HttpResponse<String> accepted = Http.postEvent(collect,
                "seerid=" + former + "; seerid=" + current + "; seerid_bind=" + marker,
                "{\"_e\":\"add_to_cart\",\"product_id\":\"sku-2\"}");
        assertThat(accepted.statusCode()).as("body %s", accepted.body()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(15)).until(() -> forwardedFor(current, before), Optional::isPresent);
        assertThat(forwardedFor(former, before)).isEmpty();

        // input: only the former person's id, with a marker that binds it to nobody here; what must hold:
        // refused (a page load first rotates the id), nothing sent for the former person
        HttpResponse<String> refused = Http.postEvent(collect, "seerid=" + former + "; seerid_bind=" + marker,
                "{\"_e\":\"add_to_cart\",\"product_id\":\"sku-3\"}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(forwardedFor(former, before)).isEmpty();
    }

    private static Optional<JsonObject> forwardedFor(String visitor, int skip) {
        List<RecordedRequest> uploads = RecordingUpstream.get().requests().stream().skip(skip)
                .filter(r -> r.path().startsWith("/collect/json/")).toList();
        for (RecordedRequest r : uploads) {
            try (JsonReader reader = Json.createReader(new StringReader(r.bodyText()))) {
                for (JsonObject e : reader.readArray().getValuesAs(JsonObject.class)) {
                    if (visitor.equals(e.getString("_uid", null)) && "add_to_cart".equals(e.getString("_e", null))) {
                        return Optional.of(e);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
