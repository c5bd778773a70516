package io.lytx.sandbox.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.lytx.sandbox.SandboxExtension;
import io.lytx.sandbox.SandboxHttp;
import io.lytx.sandbox.SandboxOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Stitching on {@code _uids} as Lytics documents it. Sources:
 * <ul>
 *   <li>Lytics "Default Attributes" (contentstack.com/docs/lytics/developer-attributes, formerly
 *       docs.lytics.com): under "Identifiers", "Default attributes that are used to stitch profiles
 *       together", the row "All Lytics Cookies | _uids | All cookies that are associated with the
 *       user | Computed: No" next to "Current Lytics Cookie | _uid"; not computed, so an event
 *       writes it like any other identifier.</li>
 *   <li>Lytics' recommended LQL for cookie identities (contentstack.com/docs/lytics/liveramp):
 *       {@code set(_uid) AS _uids ... KIND []string ... INTO user BY _uids OR ...}: {@code _uids}
 *       is a "by" field, the set of every cookie id, and profiles sharing a value are one.</li>
 *   <li>go-lytics {@code mock/json/get_entity_fields.json} and {@code lytics-api.md} §4: the
 *       entity API looks profiles up by {@code _uids} and lists it in {@code meta.by_fields}.</li>
 * </ul>
 * So an event that carries another visitor's cookie id in {@code _uids} joins the sender's
 * profile to that visitor's: what a browser must never be allowed to send (issue 22.2; the
 * servlet's collect relay keeps identity fields out, and its test relies on this stitching).
 */
class UidsStitchingHttpTest {

    @RegisterExtension
    static final SandboxExtension lytics = new SandboxExtension(SandboxOptions.defaults().withDemoData(false));

    private static Map<String, Object> byUid(String uid) {
        return lytics.admin().get("/api/entity/user/_uid/" + uid).dataMap();
    }

    @Test
    void anEventCarryingAnotherVisitorsIdInUidsMergesTheTwoProfiles() {
        lytics.admin().postJson("/collect/json/default",
                "{\"_uid\":\"victim-seerid\",\"email\":\"victim@example.org\",\"first_name\":\"Vera\",\"_e\":\"login\"}");
        lytics.admin().postJson("/collect/json/default", "{\"_uid\":\"attacker-seerid\",\"_e\":\"pv\",\"url\":\"example.org/\"}");

        // input: the attacker's own cookie id in _uid, the victim's in _uids, and a first_name
        SandboxHttp.Reply r = lytics.admin().postJson("/collect/json/default",
                "{\"_uid\":\"attacker-seerid\",\"_uids\":\"victim-seerid\",\"first_name\":\"Mallory\"}");
        assertThat(r.status()).isEqualTo(200);

        Map<String, Object> attacker = byUid("attacker-seerid");
        assertThat(attacker).containsEntry("email", "victim@example.org").containsEntry("first_name", "Mallory");
        assertThat((List<?>) attacker.get("_uids")).extracting(String::valueOf).containsExactlyInAnyOrder("victim-seerid", "attacker-seerid");
        assertThat(byUid("victim-seerid")).isEqualTo(attacker);
        assertThat(lytics.admin().get("/api/entity/user/_uids/victim-seerid").dataMap()).isEqualTo(attacker);
    }

    @Test
    void uidsAsAListOrInABulkRowOrThroughTheTagPixelStitchesToo() {
        lytics.admin().postJson("/collect/json/default", "{\"_uid\":\"list-a\",\"email\":\"list-a@example.org\"}");
        lytics.admin().postJson("/collect/json/default", "{\"_uid\":\"list-b\",\"plan\":\"gold\"}");
        // input: _uids as a JSON list naming both cookie ids
        lytics.admin().postJson("/collect/json/default", "{\"_uids\":[\"list-a\",\"list-b\"]}");
        assertThat(byUid("list-b")).containsEntry("email", "list-a@example.org").containsEntry("plan", "gold");

        lytics.admin().postJson("/collect/json/default", "{\"_uid\":\"csv-a\",\"email\":\"csv-a@example.org\"}");
        // input: a bulk CSV row with a _uids column
        lytics.admin().send("POST", "/collect/bulk/crm", "text/csv", "_uid,_uids\ncsv-b,csv-a\n");
        assertThat(byUid("csv-b")).containsEntry("email", "csv-a@example.org");

        lytics.admin().postJson("/collect/json/default", "{\"_uid\":\"pix-a\",\"email\":\"pix-a@example.org\"}");
        // input: the JS tag's pixel with _uids in its query string (no token needed there)
        assertThat(lytics.admin().withToken(null).get("/c/any/default?_e=pv&_uid=pix-b&_uids=pix-a").status()).isEqualTo(200);
        assertThat(byUid("pix-b")).containsEntry("email", "pix-a@example.org");
    }
}
