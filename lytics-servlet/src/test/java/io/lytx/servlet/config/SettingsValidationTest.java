package io.lytx.servlet.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lytx.client.collect.StreamName;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every setting is read and validated once, by {@link LyticsConfig}: each invalid value fails the load
 * with an {@link InvalidConfigException} whose message names the key (as the site writes it), the
 * layer, the value and what must hold.
 */
class SettingsValidationTest {

    private static LyticsConfig load(Map<String, String> values) {
        return LyticsConfig.load(List.of(ConfigSource.map("context-param", values)));
    }

    /** Loading {@code key = value} must fail naming the key, the layer, the value and {@code expected}. */
    private static void refused(String key, String value, String expected) {
        assertThatThrownBy(() -> load(Map.of(key, value)))
                .as("%s = %s", key, value)
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith("Invalid Lytics configuration: " + key + " = '")
                .hasMessageContaining("(from context-param)")
                .hasMessageContaining(expected)
                .satisfies(e -> assertThat(((InvalidConfigException) e).key()).isEqualTo(key));
    }

    @Test
    void firstPartyEndpointSettingsAreValidatedAtLoad() {
        // input: a base path with a trailing slash or a space; rates out of range or not numbers; must: refused
        // naming the key, the layer and the rule
        refused("lytics.endpoints.path", "/lytics/", "expected a path such as /lytics");
        refused("lytics.endpoints.path", "/ly tics", "expected a path such as /lytics");
        refused("lytics.endpoints.enabled", "yes", "expected true or false");
        refused("lytics.endpoints.collect.rate", "0", "expected an integer between 1 and 10000");
        refused("lytics.endpoints.collect.rate", "10001", "expected an integer between 1 and 10000");
        refused("lytics.endpoints.collect.rate", "many", "expected an integer between 1 and 10000");
        refused("lytics.endpoints.collect.address.rate", "0", "expected an integer between 1 and 100000");
        refused("lytics.endpoints.collect.address.rate", "100001", "expected an integer between 1 and 100000");
    }

    @Test
    void relaySettingsAreValidatedAtLoad() {
        // input: origins that are not scheme://host[:port], trusting browser identities, malformed field lists;
        // must: refused naming the key and what must hold
        refused("lytics.endpoints.collect.origins", "ftp://example.com", "expected origins such as https://www.example.com");
        refused("lytics.endpoints.collect.origins", "https://example.com/path", "got 'https://example.com/path'");
        refused("lytics.endpoints.collect.trust.identity", "true", "identity fields are never taken from the browser");
        refused("lytics.endpoints.collect.trust.identity", "maybe", "expected true or false");
        refused("lytics.endpoints.collect.identity.fields", "email,e$mail", "expected field names");
        refused("lytics.endpoints.collect.fields", "_e,url,utm_*,a!b", "expected field names or prefixes such as utm_*");
        refused("lytics.endpoints.collect.fields", "*", "got '*'");
    }

    @Test
    void bootstrapTagAndPreviewSettingsAreValidatedAtLoad() {
        // input: bad field names, non-boolean switches, an attribute with a space, tag URLs that are not
        // https or carry whitespace, a preview role with a space (even with preview off); must: refused
        refused("lytics.bootstrap.fields", "segments,fav$", "expected field names");
        refused("lytics.bootstrap.pii", "sometimes", "expected true or false");
        refused("lytics.bootstrap.pii.fields", "email,b@d", "expected field names");
        refused("lytics.csp.nonce.attribute", "csp nonce", "expected an attribute name");
        refused("lytics.tag.loader", "on", "expected true or false");
        refused("lytics.tag.src", "http://c.lytics.io/tag.js", "expected an https URL");
        refused("lytics.tag.src", "javascript:alert(1)", "expected an https URL");
        refused("lytics.tag.src", "https://c.lytics.io/a\tb.js", "expected an https URL");
        refused("lytics.preview.role", "edi tor", "expected a role name without spaces");
    }

    @Test
    void collectorSettingsTheCollectorWouldRefuseAreRefusedAtLoad() {
        // input: a linger of 0 ms (the collector needs a positive one); must: refused at load naming the key
        refused("lytics.batch.linger.ms", "0", "expected an integer between 1 and 60000");
        assertThat(load(Map.of("lytics.batch.linger.ms", "1")).batchLinger().toMillis()).isEqualTo(1);
    }

    @Test
    void enumsAreParsedByOneRuleThatListsTheAllowedValues() {
        // input: values outside each enum; must: refused listing every allowed value in lower case.
        // input: upper case and dash spellings; must: accepted as the enum constant
        refused("lytics.cookie.secure", "sometimes", "expected one of auto, always, never");
        refused("lytics.collect.ip", "partial", "expected one of full, anonymized, off");
        refused("lytics.cache.shared", "redis", "expected one of none, jcache");
        assertThat(load(Map.of("lytics.cookie.secure", "ALWAYS")).cookieSecurity()).isEqualTo(CookieSecurity.ALWAYS);
        assertThat(load(Map.of("lytics.collect.ip", "Off")).clientIp()).isEqualTo(ClientIpMode.OFF);
        assertThat(load(Map.of("lytics.cache.shared", "none")).sharedCache()).isEqualTo(SharedCacheMode.NONE);
    }

    @Test
    void streamFollowsTheOneStreamNameRule() {
        // input: names Lytics uses and one with '.' and '-'; must: accepted as written
        for (String ok : new String[] {"default", "android_sdk", "web_events", "crm.orders", "shop-eu"}) {
            assertThat(load(Map.of("lytics.stream", ok)).stream()).isEqualTo(ok);
        }
        // input: relative path segments, a slash, a leading '-', a space, 101 characters; must: refused with the rule
        for (String bad : new String[] {"..", ".", "../admin", "a/b", "-x", "a b", "s".repeat(101)}) {
            refused("lytics.stream", bad, StreamName.RULE);
        }
        assertThat(load(Map.of()).stream()).isEqualTo(StreamName.DEFAULT);
    }

    @Test
    void messagesNameTheKeyAsTheSiteWritesIt() {
        // input: a Spring Boot style spelling function and an out-of-range relay rate, and a refresh age not
        // shorter than the TTL; must: the messages use the site's spelling for the key and the key it is
        // compared with, while key() stays the dotted key
        assertThatThrownBy(() -> LyticsConfig.load(
                List.of(ConfigSource.map("Spring Boot property", Map.of("lytics.endpoints.collect.rate", "0"))),
                k -> "lytics." + k.key().substring(7).replace('.', '-')))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith("Invalid Lytics configuration: lytics.endpoints-collect-rate = '0'")
                .satisfies(e -> assertThat(((InvalidConfigException) e).key()).isEqualTo("lytics.endpoints.collect.rate"));
        assertThatThrownBy(() -> LyticsConfig.load(
                List.of(ConfigSource.map("Spring Boot property", Map.of("lytics.profile.refresh.s", "60"))),
                k -> "lytics." + k.key().substring(7).replace('.', '-')))
                .hasMessageContaining("lytics.profile-refresh-s = '60'")
                .hasMessageContaining("must be shorter than lytics.profile-ttl-s (60)");
    }

    @Test
    void validFirstPartySettingsKeepTheirMeaning() {
        // input: defaults, then every first-party key set to a valid value; must: the typed values the
        // components used to parse themselves (origins normalized, lists de-duplicated in order)
        LyticsConfig d = load(Map.of());
        assertThat(d.endpointsEnabled()).isTrue();
        assertThat(d.endpointsPath()).isEqualTo("/lytics");
        assertThat(d.relayRatePerMinute()).isEqualTo(60);
        assertThat(d.relayAddressRatePerMinute()).isEqualTo(600);
        assertThat(d.relayOrigins()).isEmpty();
        assertThat(d.relayFields()).startsWith("_e", "_ts").contains("utm_*");
        assertThat(d.bootstrapFields()).isEmpty();
        assertThat(d.bootstrapPiiFields()).contains("email", "user_id");
        assertThat(d.cspNonceAttribute()).isEqualTo("cspNonce");
        assertThat(d.tagLoader()).isFalse();
        assertThat(d.tagSrc()).isEmpty();
        assertThat(d.previewEnabled()).isFalse();
        assertThat(d.previewRole()).isEmpty();

        LyticsConfig c = load(Map.ofEntries(
                Map.entry("lytics.account.id", "acc1"),
                Map.entry("lytics.endpoints.enabled", "FALSE"),
                Map.entry("lytics.endpoints.path", "/p/ly"),
                Map.entry("lytics.endpoints.collect.rate", "10000"),
                Map.entry("lytics.endpoints.collect.address.rate", "1"),
                Map.entry("lytics.endpoints.collect.origins", "HTTPS://WWW.Example.com:8443, https://shop.example.com"),
                Map.entry("lytics.endpoints.collect.identity.fields", "crm_id crm_id,loyalty"),
                Map.entry("lytics.bootstrap.fields", "segments,first_name,segments"),
                Map.entry("lytics.bootstrap.pii", "true"),
                Map.entry("lytics.csp.nonce.attribute", "nonce"),
                Map.entry("lytics.tag.loader", "true"),
                Map.entry("lytics.preview.enabled", "true"),
                Map.entry("lytics.preview.role", "editor")));
        assertThat(c.endpointsEnabled()).isFalse();
        assertThat(c.endpointsPath()).isEqualTo("/p/ly");
        assertThat(c.relayRatePerMinute()).isEqualTo(10_000);
        assertThat(c.relayAddressRatePerMinute()).isEqualTo(1);
        assertThat(c.relayOrigins()).isEqualTo(Set.of("https://www.example.com:8443", "https://shop.example.com"));
        assertThat(c.relayIdentityFields()).containsExactly("crm_id", "loyalty");
        assertThat(c.bootstrapFields()).containsExactly("segments", "first_name");
        assertThat(c.bootstrapPii()).isTrue();
        assertThat(c.cspNonceAttribute()).isEqualTo("nonce");
        assertThat(c.tagLoader()).isTrue();
        assertThat(c.tagSrc()).hasValue("https://c.lytics.io/api/tag/acc1/latest.min.js");
        assertThat(c.previewEnabled()).isTrue();
        assertThat(c.previewRole()).hasValue("editor");
        assertThat(load(Map.of("lytics.tag.src", "https://cdn.example.com/tag.js")).tagSrc())
                .hasValue("https://cdn.example.com/tag.js");
    }

    @Test
    void aComponentRuleIsReportedInTheSameWords() {
        // input: invalid(key, problem) on a config whose allow-list came from a context parameter; must: the
        // message names the key, the layer, the value and the problem, like a value refused at load
        LyticsConfig c = load(Map.of("lytics.endpoints.collect.fields", "_e,url"));
        assertThat(c.invalid(ConfigKey.RELAY_FIELDS, "a rule of the relay"))
                .hasMessage("Invalid Lytics configuration: lytics.endpoints.collect.fields = '_e,url' "
                        + "(from context-param): a rule of the relay");
    }
}
