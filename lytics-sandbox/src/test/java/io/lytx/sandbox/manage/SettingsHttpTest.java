package io.lytx.sandbox.manage;

import static org.assertj.core.api.Assertions.assertThat;

import io.lytx.sandbox.SandboxExtension;
import io.lytx.sandbox.SandboxHttp;
import io.lytx.sandbox.SandboxOptions;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Account settings over real HTTP (the allowlist's enforcement is in AllowlistHttpTest). */
class SettingsHttpTest {

    @RegisterExtension
    static final SandboxExtension lytics = new SandboxExtension(SandboxOptions.defaults().withDemoData(false));

    @BeforeEach
    void clean() {
        lytics.sandbox().reset();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theListHasEverySettingWithItsFieldDescription() {
        List<Object> list = lytics.admin().get("/api/account/setting").dataList();
        assertThat(list).extracting(o -> ((Map<String, Object>) o).get("slug"))
                .contains("api_ip_whitelist", "allow_public_personalization", "entity_timeout_ms", "account_type");
        Map<String, Object> allowlist = lytics.admin().get("/api/account/setting/api_ip_whitelist").dataMap();
        assertThat(allowlist).containsEntry("slug", "api_ip_whitelist").containsEntry("category", "API")
                .containsEntry("type", "setting").containsEntry("value", null).containsEntry("can_be_assigned", true);
        assertThat((Map<String, Object>) allowlist.get("field")).containsEntry("type", "[]string");
    }

    @Test
    void putTakesTheRawJsonValueAndDeleteClearsIt() {
        SandboxHttp.Reply put = lytics.admin().putJson("/api/account/setting/api_ip_whitelist",
                "[\"127.0.0.0/8\", \"10.0.0.0/8\", \"::1/128\", \"2001:db8::/32\"]");
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.dataMap().get("value")).isEqualTo(List.of("127.0.0.0/8", "10.0.0.0/8", "::1/128", "2001:db8::/32"));
        assertThat(lytics.admin().get("/api/account/setting/api_ip_whitelist").dataMap().get("value")).isEqualTo(
                List.of("127.0.0.0/8", "10.0.0.0/8", "::1/128", "2001:db8::/32"));
        assertThat(lytics.admin().putJson("/api/account/setting/entity_timeout_ms", "1500").dataMap().get("value"))
                .isEqualTo(new BigDecimal("1500"));
        assertThat(lytics.admin().putJson("/api/account/setting/allow_public_personalization", "true").dataMap().get("value"))
                .isEqualTo(Boolean.TRUE);

        SandboxHttp.Reply deleted = lytics.admin().delete("/api/account/setting/api_ip_whitelist");
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(lytics.admin().get("/api/account/setting/api_ip_whitelist").dataMap().get("value")).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "prefix too long|api_ip_whitelist|[\"10.0.0.0/8\",\"10.0.0.0/33\"]|400|invalid CIDR \"10.0.0.0/33\" at index 1",
            "not an address|api_ip_whitelist|[\"intranet\"]|400|invalid CIDR \"intranet\" at index 0",
            "v6 prefix too long|api_ip_whitelist|[\"2001:db8::/129\"]|400|invalid CIDR \"2001:db8::/129\"",
            "a string, not a list|api_ip_whitelist|\"10.0.0.0/8\"|400|expects a list of strings, got string",
            "a list of numbers|api_ip_whitelist|[10]|400|expects a list of strings",
            "bool expected|allow_public_personalization|\"yes\"|400|expects true or false, got string",
            "int expected|entity_timeout_ms|1.5|400|expects a whole number",
            "out of range|entity_timeout_ms|0|400|must be 1..60000",
            "unknown slug|no_such_setting|true|404|unknown setting \"no_such_setting\"",
            "not editable|account_type|\"pro\"|403|This setting \"account_type\" is not editable",
            "malformed JSON|api_ip_whitelist|[\"10.0.0.0/8\"|400|malformed JSON at line 1, column"})
    void badValuesAreRefusedAndLeaveTheOldValue(String what, String slug, String body, int status, String message) {
        lytics.admin().putJson("/api/account/setting/entity_timeout_ms", "900");
        lytics.admin().putJson("/api/account/setting/api_ip_whitelist", "[\"127.0.0.0/8\"]");
        SandboxHttp.Reply r = lytics.admin().putJson("/api/account/setting/" + slug, body);
        assertThat(r.status()).as(what).isEqualTo(status);
        assertThat(r.message()).as(what).contains(message);
        assertThat(lytics.admin().get("/api/account/setting/api_ip_whitelist").dataMap().get("value")).as(what)
                .isEqualTo(List.of("127.0.0.0/8"));
        assertThat(lytics.admin().get("/api/account/setting/entity_timeout_ms").dataMap().get("value")).as(what)
                .isEqualTo(new BigDecimal("900"));
    }

    @Test
    void putNeedsAJsonContentType() {
        // input: the value sent as text/plain -> 415
        SandboxHttp.Reply r = lytics.admin().send("PUT", "/api/account/setting/api_ip_whitelist", "text/plain", "[\"10.0.0.0/8\"]");
        assertThat(r.status()).isEqualTo(415);
        assertThat(lytics.admin().get("/api/account/setting/api_ip_whitelist").dataMap().get("value")).isNull();
    }

    @Test
    void deletingAnUnknownOrFixedSettingIsRefused() {
        assertThat(lytics.admin().delete("/api/account/setting/nope").status()).isEqualTo(404);
        assertThat(lytics.admin().delete("/api/account/setting/account_type").status()).isEqualTo(403);
        assertThat(lytics.admin().get("/api/account/setting/account_type").dataMap().get("value")).isEqualTo("sandbox");
    }
}
