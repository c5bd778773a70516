package io.lytx.servlet.internal.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lytx.servlet.Identity;
import io.lytx.servlet.config.ClientIpMode;
import io.lytx.servlet.internal.collect.CollectEvent;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageViewEventsTest {

    private static final String UID = "21c033ae-567a-49b1-9935-35e79a056559";
    private static final String UA = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0";

    private static PageRequest page(String query, String referer) {
        return new PageRequest("https", "Shop.Example.com", 443, "/products/a%20b", query, referer,
                "fr-CH, fr;q=0.9, en;q=0.8", UA, "203.0.113.77");
    }

    @Test
    void pageViewCarriesTheJsTagFields() {
        Identity visitor = new Identity(UID, false, null, null);
        CollectEvent event = new PageViewEvents(true, ClientIpMode.FULL)
                .pageView(page("utm_source=news%20letter&x=1&utm_campaign=spring", "https://google.com/search?q=x"),
                        visitor, "pv-1", 1_700_000_000_000L);

        Map<String, String> f = event.fields();
        assertThat(f).containsEntry("_e", "pv")
                .containsEntry("_ts", "1700000000000")
                .containsEntry("_uid", UID)
                .containsEntry("_pvid", "pv-1")
                .containsEntry("url", "shop.example.com/products/a%20b?utm_source=news%20letter&x=1&utm_campaign=spring")
                .containsEntry("_ref", "google.com/search?q=x")
                .containsEntry("_ul", "fr-CH")
                .containsEntry("utm_source", "news letter")
                .containsEntry("utm_campaign", "spring")
                .containsEntry("user_agent", UA)
                .containsEntry("ip", "203.0.113.77")
                .doesNotContainKey("email")
                .doesNotContainKey("x");
        // the one server event of the page: its event id (_eid, for deduplicating a retried batch) is the page-view id
        assertThat(event.id()).isEqualTo("pv-1");
    }

    @Test
    void knownUserAddsTheIdentityField() {
        Identity known = new Identity(UID, false, "email", "pat@example.org");
        CollectEvent event = new PageViewEvents(false, ClientIpMode.OFF).pageView(page(null, null), known, "pv", 1L);

        assertThat(event.fields()).containsEntry("email", "pat@example.org")
                .doesNotContainKeys("user_agent", "ip", "_ref");
    }

    @Test
    void sameSiteReferrerIsNotAReferral() {
        assertThat(PageViewEvents.externalReferrer("https://shop.example.com/cart", "shop.example.com")).isNull();
        assertThat(PageViewEvents.externalReferrer("http://SHOP.example.com:8080/x", "shop.example.com")).isNull();
        assertThat(PageViewEvents.externalReferrer("https://other.org", "shop.example.com")).isEqualTo("other.org");
        // input: non-http referrers are not forwarded
        assertThat(PageViewEvents.externalReferrer("javascript:alert(1)", "shop.example.com")).isNull();
        assertThat(PageViewEvents.externalReferrer("android-app://com.x", "shop.example.com")).isNull();
    }

    @Test
    void theReferrersHostIsComparedWithoutUserInfoPortOrCase() {
        // input: referrers whose host is this site's behind user info, a port, brackets or another case;
        // must hold: not a referral. Another site's, in the same forms: forwarded without protocol, whole
        assertThat(PageViewEvents.externalReferrer("https://pat@Shop.Example.com:8443/x", "shop.example.com")).isNull();
        assertThat(PageViewEvents.externalReferrer("https://[::1]:8080/", "[::1]")).isNull();
        assertThat(PageViewEvents.externalReferrer("https://[::1]/", "[::1]")).isNull();
        assertThat(PageViewEvents.externalReferrer("https://a@b@other.org:1/x?y#z", "shop.example.com"))
                .isEqualTo("a@b@other.org:1/x?y#z");
        assertThat(PageViewEvents.externalReferrer("HTTP://other.org?q=1", "shop.example.com")).isEqualTo("other.org?q=1");
        // input: no host at all; must hold: not forwarded
        assertThat(PageViewEvents.externalReferrer("https://", "shop.example.com")).isNull();
        assertThat(PageViewEvents.externalReferrer("https://:80/", "shop.example.com")).isNull();
        // input: a referrer longer than the bound; must hold: cut at 2048 characters
        assertThat(PageViewEvents.externalReferrer("https://other.org/" + "a".repeat(3000), null))
                .hasSize(PageViewEvents.MAX_URL);
    }

    @Test
    void utmFieldsComeInOrderOfTheirFirstUsableValueWithTheLastOne() {
        // input: repeated, blank, encoded and look-alike utm names; must hold: each utm_* name once, in the
        // order its first usable value appears, with its last usable value decoded
        assertThat(utm("utm_source=a&utm_medium=+&utm_campaign=%20x&UTM_TERM=t&utm_sourcex=y"
                + "&utm_medium=cpc&utm_source=b&utm_source=%ZZ&utm_id"))
                .containsExactly(Map.entry("utm_source", "b"), Map.entry("utm_campaign", " x"),
                        Map.entry("utm_medium", "cpc"));
        assertThat(utm("utm_content=" + "c".repeat(300)).get("utm_content")).hasSize(PageViewEvents.MAX_UTM);
        assertThat(utm(null)).isEmpty();
    }

    private static Map<String, String> utm(String query) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        PageViewEvents.putUtm(fields, query);
        return fields;
    }

    @Test
    void anIdentityFieldNamedLikeAPageViewFieldReplacesItsValueInPlace() {
        // input: a known user whose identity field is named "url"; must hold: the field keeps the place of
        // url among the fields, with the identity value
        CollectEvent event = new PageViewEvents(false, ClientIpMode.OFF)
                .pageView(page(null, null), new Identity(UID, false, "url", "cust-42"), "pv", 1L);

        assertThat(event.fields()).containsExactly(Map.entry("_e", "pv"), Map.entry("_ts", "1"), Map.entry("_uid", UID),
                Map.entry("_pvid", "pv"), Map.entry("url", "cust-42"), Map.entry("_ul", "fr-CH"));
    }

    @Test
    void urlKeepsANonDefaultPortAndIsBounded() {
        PageRequest p = new PageRequest("http", "localhost", 8080, "/" + "a".repeat(5000), null, null, null, null, null);
        String url = PageViewEvents.urlWithoutProtocol(p);

        assertThat(url).startsWith("localhost:8080/aaa").hasSize(PageViewEvents.MAX_URL);
    }

    @Test
    void languageIsTheFirstWellFormedTag() {
        assertThat(PageViewEvents.primaryLanguage("en-US,en;q=0.5")).isEqualTo("en-US");
        assertThat(PageViewEvents.primaryLanguage("*")).isNull();
        // input: a header trying to smuggle markup; must be dropped
        assertThat(PageViewEvents.primaryLanguage("<script>alert(1)</script>")).isNull();
        assertThat(PageViewEvents.primaryLanguage(null)).isNull();
        // input: white space around the tag, a weight, an empty first range, a tag over 35 characters
        assertThat(PageViewEvents.primaryLanguage("\u2003en-GB ;q=1,fr")).isEqualTo("en-GB");
        assertThat(PageViewEvents.primaryLanguage(",en")).isNull();
        assertThat(PageViewEvents.primaryLanguage("x".repeat(35))).hasSize(35);
        assertThat(PageViewEvents.primaryLanguage("x".repeat(36))).isNull();
    }

    @Test
    void malformedUtmEncodingIsSkipped() {
        Identity visitor = new Identity(UID, false, null, null);
        // input: utm_source with a broken percent escape
        CollectEvent event = new PageViewEvents(false, ClientIpMode.OFF)
                .pageView(page("utm_source=%E0%A4%A&utm_medium=cpc", null), visitor, "pv", 1L);

        assertThat(event.fields()).doesNotContainKey("utm_source").containsEntry("utm_medium", "cpc");
    }

    /**
     * The stitch event is named as Lytics' own server-side login guide names it ({@code _e: "login"},
     * docs.lytics.com "Server-side login event tracking", posted to {@code /collect/json/default}),
     * and a page view as the official tag names it ({@code _e: 'pv'}: bechirsegni/jstag
     * {@code src/rollup/core/page.js}, a fork of lytics/jstag 3.0.2).
     */
    @Test
    void loginEventCarriesBothIdentitiesUnderLyticsEventName() {
        CollectEvent event = new PageViewEvents(true, ClientIpMode.FULL)
                .identify(new Identity(UID, false, "user_id", "cust-42"), 5L);

        assertThat(new PageViewEvents(false, ClientIpMode.OFF).pageView(page(null, null),
                new Identity(UID, false, null, null), "pv", 1L).fields()).containsEntry("_e", "pv");
        assertThat(event.fields()).containsEntry("_e", "login").containsEntry("_uid", UID)
                .containsEntry("user_id", "cust-42").containsEntry("_ts", "5");
        assertThatThrownBy(() -> new PageViewEvents(true, ClientIpMode.FULL)
                .identify(new Identity(UID, false, null, null), 5L)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ipAnonymization() {
        assertThat(ClientIps.anonymize("203.0.113.77")).isEqualTo("203.0.113.0");
        assertThat(ClientIps.anonymize("2001:db8:85a3:8d3:1319:8a2e:370:7348")).isEqualTo("2001:db8:85a3::");
        assertThat(ClientIps.anonymize("[2001:db8::1]")).isEqualTo("2001:db8:0::");
        assertThat(ClientIps.anonymize("::1")).isEqualTo("0:0:0::");
        assertThat(ClientIps.normalize("0:0:0:0:0:0:0:1")).isEqualTo("0:0:0:0:0:0:0:1");
        // input: things that are not IP literals (host names, garbage, header injection)
        assertThat(ClientIps.normalize("example.com")).isNull();
        assertThat(ClientIps.normalize("1.2.3.256")).isNull();
        assertThat(ClientIps.normalize("1.2.3.4\r\nX: y")).isNull();
        assertThat(ClientIps.anonymize("1::2::3")).isNull();
        assertThat(ClientIps.anonymize(null)).isNull();
    }

    @Test
    void ipv4LiteralsAreCheckedOctetByOctet() {
        assertThat(ClientIps.isIpv4("0.0.0.0")).isTrue();
        assertThat(ClientIps.isIpv4("255.255.255.255")).isTrue();
        assertThat(ClientIps.isIpv4("01.002.3.4")).isTrue();
        // input: near misses
        assertThat(ClientIps.isIpv4("1.2.3.4.")).isFalse();
        assertThat(ClientIps.isIpv4(".1.2.3")).isFalse();
        assertThat(ClientIps.isIpv4("1..2.3")).isFalse();
        assertThat(ClientIps.isIpv4("1.2.3")).isFalse();
        assertThat(ClientIps.isIpv4("0000.1.1.1")).isFalse();
        assertThat(ClientIps.isIpv4("256.1.1.1")).isFalse();
        assertThat(ClientIps.isIpv4("1.2.3.-4")).isFalse();
        assertThat(ClientIps.isIpv4("1.2.3.\u0664")).as("an Arabic-Indic digit is not an octet").isFalse();
        assertThat(ClientIps.isIpv4("")).isFalse();
    }
}
