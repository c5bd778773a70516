package io.lytx.servlet.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lytx.servlet.config.LyticsConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The relay's allow-list. The default names what Lytics' own tag sends about a page (bechirsegni/jstag,
 * a fork of lytics/jstag 3.0.2: {@code src/rollup/core/page-analysis.js} adds {@code utm_*},
 * {@code _sesstart}, {@code _ref}, {@code _sesref}, {@code _tz}, {@code _ul}, {@code _sz};
 * {@code core/collect-identity.js} adds {@code _mob}/{@code _nmob}, {@code _device}, {@code url},
 * {@code _if}, {@code _v}; {@code core/send-message.js} {@code _ts}), without what that tag sends to
 * identify someone ({@code _uid}, {@code _getid}, {@code _uido}, {@code _ga}, {@code optimizelyid}).
 */
class RelayFieldsTest {

    private static final long NOW = 1_765_000_000_000L;

    private static Map<String, String> body(String... keyValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    @Test
    void defaultsForwardPageFactsAndNeverAnIdentityField() throws RelayRefusal {
        RelayFields fields = RelayFields.from(LyticsConfig.builder().build());
        // input: what the official tag sends with a page view, plus every identity field Lytics stitches on
        Map<String, String> kept = fields.keep(body("_e", "pv", "url", "shop.example/a", "utm_source", "news",
                "_sz", "1280x800", "_ul", "fr-CH", "_uid", "u_1", "_uids", "victim-seerid", "seerid", "victim",
                "_UIDS", "victim", "email", "victim@example.org", "Email", "victim@example.org", "user_id", "42",
                "_getid", "t", "_uido", "u_0", "_ga", "GA1.2", "optimizelyid", "o1", "first_name", "Mallory",
                "product_id", "sku-1"), NOW);

        assertThat(kept).containsOnlyKeys("_e", "url", "utm_source", "_sz", "_ul", "_ts")
                .containsEntry("_ts", Long.toString(NOW));
    }

    @Test
    void siteFieldsAreAddedToTheListAndIdentityFieldsCanNeverBe() throws RelayRefusal {
        RelayFields fields = RelayFields.from(LyticsConfig.builder()
                .set("lytics.endpoints.collect.fields", "_e,_ts,url,product_id,cart_*")
                .set("lytics.identity.field", "customer_key").build());
        Map<String, String> kept = fields.keep(body("_e", "add_to_cart", "product_id", "sku-1", "cart_total", "9.5",
                "customer_key", "c-victim", "_ts", Long.toString(NOW - 60_000)), NOW);
        assertThat(kept).containsOnlyKeys("_e", "product_id", "cart_total", "_ts")
                .containsEntry("_ts", Long.toString(NOW - 60_000));

        // input: an allow-list naming an identity field, or a prefix that admits one: start-up fails naming the key
        for (String list : new String[] {"_e,email", "_e,_uids", "_u*", "_e,SEERID", "customer_*"}) {
            assertThatThrownBy(() -> RelayFields.from(LyticsConfig.builder().set("lytics.endpoints.collect.fields", list)
                    .set("lytics.identity.field", "customer_key").build()))
                    .as("allow-list %s", list)
                    .hasMessageContaining("lytics.endpoints.collect.fields").hasMessageContaining("identity field");
        }
        // input: a bare * (everything, identity fields of the account included)
        assertThatThrownBy(() -> RelayFields.from(LyticsConfig.builder().set("lytics.endpoints.collect.fields", "*").build()))
                .hasMessageContaining("lytics.endpoints.collect.fields");
    }

    @Test
    void trustingTheBrowsersIdentityIsRefusedAtStartUp() {
        // input: the old switch that kept the browser's identity fields
        assertThatThrownBy(() -> RelayFields.from(LyticsConfig.builder()
                .set("lytics.endpoints.collect.trust.identity", "true").build()))
                .hasMessageContaining("lytics.endpoints.collect.trust.identity");
    }

    @Test
    void eventsThatChangeIdentityAreTheServersOnly() {
        RelayFields fields = RelayFields.from(LyticsConfig.builder().build());
        // input: a browser naming its event as the server's login / identify
        for (String name : new String[] {"login", " Identify", "logout"}) {
            assertThatThrownBy(() -> fields.keep(body("_e", name), NOW)).isInstanceOfSatisfying(RelayRefusal.class,
                    r -> assertThat(r.status()).isEqualTo(400)).hasMessageContaining("server only");
        }
    }

    @Test
    void aBrowserTimeFarFromTheServersIsReplaced() throws RelayRefusal {
        RelayFields fields = RelayFields.from(LyticsConfig.builder().build());
        // input: a time two days old, one in the future by two days, and not a number
        for (String ts : new String[] {Long.toString(NOW - 2 * 86_400_000L), Long.toString(NOW + 2 * 86_400_000L), "soon"}) {
            assertThat(fields.keep(body("_e", "click", "_ts", ts), NOW)).containsEntry("_ts", Long.toString(NOW));
        }
    }
}
