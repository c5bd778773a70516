package io.lytx.sandbox.entity;

import static org.assertj.core.api.Assertions.assertThat;

import io.lytx.sandbox.SandboxExtension;
import io.lytx.sandbox.SandboxHttp;
import io.lytx.sandbox.SandboxOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Profile values come back in the forms Lytics' captured answers have (go-lytics
 * {@code mock/json/get_entity.json}: {@code "score_intensity":"83"}, {@code "app_pageviewct":"1931"},
 * {@code "timezone":"-7"}, {@code "app_ismobile":"t"}, {@code "hourly":{"16":"206"}},
 * {@code "hashedurls":{"-1930026254798188417":"5"}}; {@code get_segment_scan_1.json}: scan items
 * the same way), whatever JSON type the event carried.
 */
class EntityValuesHttpTest {

    @RegisterExtension
    static final SandboxExtension lytics = new SandboxExtension(SandboxOptions.defaults().withDemoData(true));

    @BeforeAll
    static void collect() {
        // input: numbers, a negative number, a decimal, booleans and a map of counts as JSON types
        SandboxHttp.Reply r = lytics.admin().postJson("/collect/json/default", "{\"_uid\":\"u_values\","
                + "\"email\":\"values@example.org\",\"score_intensity\":83,\"app_pageviewct\":1931,\"timezone\":-7,"
                + "\"ratio\":0.25,\"app_ismobile\":true,\"optin\":false,\"hourly\":{\"16\":206,\"2\":30},"
                + "\"url\":\"example.org/articles/running/winter-running\",\"_e\":\"pv\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @Test
    void numbersAreTextAndTrueIsT() {
        Map<String, Object> data = lytics.admin().get("/api/entity/user/email/values@example.org").dataMap();

        assertThat(data).containsEntry("score_intensity", "83").containsEntry("app_pageviewct", "1931")
                .containsEntry("timezone", "-7").containsEntry("ratio", "0.25").containsEntry("app_ismobile", "t")
                .containsEntry("optin", "f").containsEntry("visitct", "1")
                .containsEntry("hourly", Map.of("16", "206", "2", "30"));
        @SuppressWarnings("unchecked")
        Map<String, Object> hashed = (Map<String, Object>) data.get("hashedurls");
        assertThat(hashed).isNotEmpty();
        assertThat(hashed.values()).allSatisfy(v -> assertThat(v).isInstanceOf(String.class));
        @SuppressWarnings("unchecked")
        Map<String, Object> content = (Map<String, Object>) data.get("lytics_content");
        assertThat(content).containsEntry("running", "0.25");
        assertThat(data.get("_uids")).isEqualTo(List.of("u_values"));
    }

    @Test
    void scansAndThePublicFormWriteValuesTheSameWay() {
        SandboxHttp.Reply scan = lytics.admin().send("POST", "/api/segment/scan", "text/plain",
                "FILTER email = \"values@example.org\" FROM user");
        @SuppressWarnings("unchecked")
        Map<String, Object> item = (Map<String, Object>) scan.dataList().get(0);
        assertThat(item).containsEntry("score_intensity", "83").containsEntry("app_ismobile", "t");

        Map<String, Object> open = lytics.anonymous().get("/api/me/1/u_values?fields=timezone,app_ismobile").dataMap();
        assertThat(open).containsEntry("timezone", "-7").containsEntry("app_ismobile", "t");
    }

    @Test
    void segmentsStillSeeTheTypedValues() {
        // the wire form changes nothing inside: FilterQL compares numbers as numbers
        SandboxHttp.Reply r = lytics.admin().send("POST", "/api/segment/scan", "text/plain",
                "FILTER AND (score_intensity > 80, app_pageviewct >= 1931, timezone < 0) FROM user");
        assertThat(r.dataList()).hasSize(1);
    }
}
