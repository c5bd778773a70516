package io.lytx.servlet.internal.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lytx.client.content.Recommendation;
import io.lytx.client.entity.Entity;
import io.lytx.client.entity.EntityStatus;
import io.lytx.client.entity.ProfileFields;
import io.lytx.servlet.Identity;
import io.lytx.servlet.LyticsContext;
import io.lytx.servlet.internal.preview.Personalization;
import io.lytx.servlet.internal.profile.Deadline;
import io.lytx.servlet.internal.profile.ProfileResult;
import io.lytx.servlet.internal.profile.Recommender;
import io.lytx.servlet.internal.runtime.ServletAccess;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The bootstrap text with its remembered parts: every page must get its own per-page members and
 * the parts of its own profile and recommendations, never another page's.
 */
class BootstrapTextTest {

    private static final BootstrapJson.Endpoints ENDPOINTS = new BootstrapJson.Endpoints("/lytics/profile", "/lytics/collect");
    private static final BootstrapSettings SETTINGS = new BootstrapSettings(List.of("first_name", "visitct", "tags"),
            Set.of("first_name"), true, "cspNonce", false, null, "seerid");

    private static Entity entity(String firstName, String... segments) {
        return new Entity(EntityStatus.FOUND, "success", List.of(segments), List.of("abc"),
                ProfileFields.of(Map.of("first_name", firstName, "visitct", 17, "tags", List.of("a", "b"), "email", "x@y.z")),
                null);
    }

    private static Recommendation rec(String url, String title) {
        return new Recommendation(url, title, "desc of " + title, List.of("travel"), Map.of(), null, null, null, url, 0.5,
                false);
    }

    /** A page of a visitor whose cached profile and cached recommendation list are the given instances. */
    private static Personalization page(String visitor, String pvid, Entity profile, List<Recommendation> cachedRecs) {
        Recommender recommender = (limit, contentSegment, deadline) -> CompletableFuture.completedFuture(cachedRecs);
        LyticsContext context = ServletAccess.started(new Identity(visitor, false, null, null), pvid,
                CompletableFuture.completedFuture(ProfileResult.known(profile)), Deadline.after(Duration.ofSeconds(1)),
                recommender, 4);
        return Personalization.of(context);
    }

    private static JsonObject parse(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void writesTheWholeContractInOrder() {
        Entity profile = entity("Pat", "all", "vip");
        Personalization p = page("v-1", "pv-1", profile, List.of(rec("https://example.org/a", "A <b>")));
        p.recommendations(4, null);
        String text = new BootstrapText(SETTINGS).of(p, ENDPOINTS, true, "granted");

        assertThat(text).startsWith("{\"v\":1,\"visitorId\":\"v-1\",\"status\":\"known\",\"segments\":[\"all\",\"vip\"],")
                .doesNotContain("<").doesNotContain("x@y.z");
        JsonObject boot = parse(text);
        assertThat(boot.keySet()).containsExactly("v", "visitorId", "status", "segments", "fields", "recommendations",
                "pvid", "counted", "consent", "endpoints", "tag");
        assertThat(boot.getJsonObject("fields").getString("first_name")).isEqualTo("Pat");
        assertThat(boot.getJsonObject("fields").getInt("visitct")).isEqualTo(17);
        assertThat(boot.getJsonObject("fields").getJsonArray("tags")).hasSize(2);
        assertThat(boot.getJsonArray("recommendations").getJsonObject(0).getString("title")).isEqualTo("A <b>");
        assertThat(boot.getString("pvid")).isEqualTo("pv-1");
        assertThat(boot.getBoolean("counted")).isTrue();
        assertThat(boot.getString("consent")).isEqualTo("granted");
        assertThat(boot.getJsonObject("endpoints").getString("collect")).isEqualTo("/lytics/collect");
        assertThat(boot.getJsonObject("tag").getString("cookie")).isEqualTo("seerid");
    }

    @Test
    void pagesSharingCachedDataStillGetTheirOwnPerPageMembers() {
        BootstrapText text = new BootstrapText(SETTINGS);
        Entity profile = entity("Pat", "all");
        List<Recommendation> cached = List.of(rec("https://example.org/a", "A"));
        Personalization first = page("v-1", "pv-1", profile, cached);
        first.recommendations(4, null);
        Personalization second = page("v-1", "pv-2", profile, cached);
        second.recommendations(4, null);

        JsonObject a = parse(text.of(first, ENDPOINTS, true, "granted"));
        JsonObject b = parse(text.of(second, ENDPOINTS, false, "denied"));
        assertThat(b.getString("pvid")).isEqualTo("pv-2");
        assertThat(b.getBoolean("counted")).isFalse();
        assertThat(b.getString("consent")).isEqualTo("denied");
        assertThat(b.getJsonObject("fields")).isEqualTo(a.getJsonObject("fields"));
        assertThat(b.getJsonArray("recommendations")).isEqualTo(a.getJsonArray("recommendations"));
    }

    @Test
    void anotherProfileOrListIsNeverAnsweredWithARememberedPart() {
        BootstrapText text = new BootstrapText(SETTINGS);
        Personalization pat = page("v-1", "pv-1", entity("Pat", "all", "vip"), List.of(rec("https://example.org/a", "A")));
        pat.recommendations(4, null);
        text.of(pat, ENDPOINTS, true, "granted");

        // input: equal-looking but different cache entries (another profile, another list); must hold: their own values
        Personalization sam = page("v-2", "pv-2", entity("Sam", "all"), List.of(rec("https://example.org/b", "B")));
        sam.recommendations(4, null);
        JsonObject boot = parse(text.of(sam, ENDPOINTS, true, "granted"));
        assertThat(boot.getString("visitorId")).isEqualTo("v-2");
        assertThat(boot.getJsonObject("fields").getString("first_name")).isEqualTo("Sam");
        assertThat(boot.getJsonArray("segments").getValuesAs(JsonString::getString)).containsExactly("all");
        assertThat(boot.getJsonArray("recommendations").getJsonObject(0).getString("url")).isEqualTo("https://example.org/b");
    }

    @Test
    void eachDeploymentsSettingsDecideTheFieldsOfTheSameProfile() {
        Entity shared = entity("Pat", "all");
        BootstrapSettings noPii = new BootstrapSettings(List.of("first_name", "visitct"), Set.of("first_name"), false,
                "cspNonce", false, null, "seerid");
        Personalization p = page("v-1", "pv-1", shared, List.of());
        JsonObject withPii = parse(new BootstrapText(SETTINGS).of(p, ENDPOINTS, true, "granted"));
        JsonObject without = parse(new BootstrapText(noPii).of(p, ENDPOINTS, true, "granted"));
        assertThat(withPii.getJsonObject("fields").keySet()).contains("first_name");
        assertThat(without.getJsonObject("fields").keySet()).containsExactly("visitct");
    }

    @Test
    void severalListsAreMergedWithoutRepeatingAUrl() {
        List<Recommendation> cached = List.of(rec("https://example.org/a", "A"), rec("https://example.org/b", "B"));
        Personalization p = page("v-1", "pv-1", entity("Pat", "all"), cached);
        p.recommendations(4, null);
        p.recommendations(2, null); // a second list (another limit) with the same documents
        JsonObject boot = parse(new BootstrapText(SETTINGS).of(p, ENDPOINTS, true, "granted"));
        assertThat(boot.getJsonArray("recommendations")).hasSize(2);
    }

    @Test
    void anUnknownConsentIsRefused() {
        Personalization p = page("v-1", "pv-1", entity("Pat", "all"), List.of());
        assertThatThrownBy(() -> new BootstrapText(SETTINGS).of(p, ENDPOINTS, true, "maybe"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maybe");
    }

    @Test
    void perPageValuesThatNeedEscapingGoThroughTheGenerator() {
        // input: a visitor id and a page-view id carrying a script end, quotes, a backslash and U+2028
        // (they come from code, not only from our cookie); must hold: valid JSON, same values back,
        // nothing that could close the script element
        String visitor = "v\"</script><script>alert(1)</script>\\\u2028";
        String pvid = "pv'<!--" + "x".repeat(200);
        Personalization p = page(visitor, pvid, entity("Pat", "all"), List.of());
        String text = new BootstrapText(SETTINGS).of(p, ENDPOINTS, true, "granted");
        assertThat(text).doesNotContain("</script").doesNotContain("<!--").doesNotContain("\u2028");
        JsonObject boot = parse(text);
        assertThat(boot.getString("visitorId")).isEqualTo(visitor);
        assertThat(boot.getString("pvid")).isEqualTo(pvid);
    }

    @Test
    void plainTextIsOnlyLettersDigitsAndAFewMarks() {
        assertThat(BootstrapText.plain("00000000-0000-4000-8000-000000001092")).isTrue();
        assertThat(BootstrapText.plain("a.b_c:d")).isTrue();
        for (String hostile : List.of("a b", "a\"b", "a\\b", "a<b", "a/b", "\u00e9", "a\u2028", "x".repeat(129))) {
            assertThat(BootstrapText.plain(hostile)).as(hostile).isFalse();
        }
    }

    @Test
    void aPageWithoutProfileOrRecommendationsGetsTheEmptyPartsTheGeneratorWouldWrite() {
        // input: the page of a visitor whose lookup failed (no profile, no list); must hold: the
        // constant empty parts, parsed the same as the generator's text, and the remembered tail
        // follows the page's own counted/consent values
        LyticsContext context = ServletAccess.started(new Identity("v-9", false, null, null), "",
                CompletableFuture.completedFuture(ProfileResult.unavailable("down")), Deadline.after(Duration.ofSeconds(1)),
                (limit, contentSegment, deadline) -> CompletableFuture.completedFuture(List.of()), 4);
        Personalization p = Personalization.of(context);
        p.recommendations(4, null);
        BootstrapText text = new BootstrapText(SETTINGS);
        String counted = text.of(p, ENDPOINTS, true, "granted");
        String notCounted = text.of(p, ENDPOINTS, false, "pending");

        assertThat(counted).contains("," + BootstrapText.NO_PROFILE + "," + BootstrapText.NO_RECOMMENDATIONS + ",");
        JsonObject boot = parse(counted);
        assertThat(boot.keySet()).containsExactly("v", "visitorId", "status", "segments", "fields", "recommendations",
                "counted", "consent", "endpoints", "tag");
        assertThat(boot.getString("status")).isEqualTo("unavailable");
        assertThat(boot.getJsonArray("segments")).isEmpty();
        assertThat(boot.getJsonObject("fields")).isEmpty();
        assertThat(boot.getJsonArray("recommendations")).isEmpty();
        JsonObject other = parse(notCounted);
        assertThat(other.getBoolean("counted")).isFalse();
        assertThat(other.getString("consent")).isEqualTo("pending");
    }
}
