package io.lytx.sandbox.entity;

import static org.assertj.core.api.Assertions.assertThat;

import io.lytx.sandbox.SandboxExtension;
import io.lytx.sandbox.SandboxHttp;
import io.lytx.sandbox.SandboxOptions;
import io.lytx.sandbox.demo.DemoData;
import io.lytx.sandbox.domain.ListSpellings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The entity API over real HTTP against the embedded sandbox with demo data. */
class EntityHttpTest {

    @RegisterExtension
    static final SandboxExtension lytics = new SandboxExtension(SandboxOptions.defaults().withDemoData(true));

    @SuppressWarnings("unchecked")
    private static List<String> list(Map<String, Object> data, String key) {
        return (List<String>) data.get(key);
    }

    @Test
    void aKnownProfileHasItsFieldsSegmentsIdsAndMeta() {
        SandboxHttp.Reply r = lytics.admin().get("/api/entity/user/email/ada@example.org");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.message()).isEqualTo("success");
        Map<String, Object> data = r.dataMap();
        assertThat(data).containsEntry("first_name", "Ada").containsEntry("user_id", "demo-ada")
                .containsEntry("visitct", "6");
        assertThat((String) data.get("lastvisit_ts")).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
        assertThat(list(data, "segments")).startsWith("all")
                .contains("known_users", "frequent_visitors", "interested_finance")
                .doesNotContain("anonymous_visitors", "new_visitors");
        assertThat(list(data, "segments_all")).allMatch(id -> id.matches("[0-9a-f]{32}"))
                .contains(DemoData.idOf("known_users"));
        assertThat(r.json().get("meta")).isEqualTo(Map.of("name", "user", "format", "json",
                "by_fields", List.of("_uids", "email", "user_id")));
    }

    @Test
    void anUnknownVisitorIsTheNotFoundPlaceholderWithStatus200() {
        SandboxHttp.Reply r = lytics.admin().get("/api/entity/user/_uid/nobody-here");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.message()).isEqualTo("Not Found");
        assertThat(r.json().get("status")).isEqualTo(new java.math.BigDecimal("200"));
        assertThat(r.dataMap()).isEqualTo(Map.of("segments", List.of("not_found", "all")));
    }

    @Test
    void fieldsSegmentsAndMetaParametersShapeTheAnswer() {
        Map<String, Object> some = lytics.admin().get("/api/entity/user/email/ada@example.org?fields=first_name,city").dataMap();
        assertThat(some.keySet()).containsExactly("first_name", "city", "segments", "segments_all");
        Map<String, Object> none = lytics.admin().get("/api/entity/user/email/ada@example.org?fields=none").dataMap();
        assertThat(none.keySet()).containsExactly("segments", "segments_all");
        SandboxHttp.Reply bare = lytics.admin().get("/api/entity/user/email/ada@example.org?segments=false&meta=false");
        assertThat(bare.dataMap()).doesNotContainKeys("segments", "segments_all").containsKey("email");
        assertThat(bare.json()).doesNotContainKey("meta");
    }

    @Test
    void theFiveListSpellingsOfFieldsGiveTheSameAnswer() {
        List<String> spellings = ListSpellings.of("fields", List.of("first_name", "email"));
        Object expected = lytics.admin().get("/api/entity/user/user_id/demo-ada?" + spellings.get(0)).data();
        assertThat(new HashMap<Object, Object>((Map<?, ?>) expected)).containsKeys("first_name", "email").doesNotContainKey("city");
        for (String q : spellings) {
            assertThat(lytics.admin().get("/api/entity/user/user_id/demo-ada?" + q).data()).as(q).isEqualTo(expected);
        }
        Object single = lytics.admin().get("/api/entity/user/user_id/demo-ada?fields=email").data();
        for (String q : ListSpellings.single("fields", "email")) {
            assertThat(lytics.admin().get("/api/entity/user/user_id/demo-ada?" + q).data()).as(q).isEqualTo(single);
        }
    }

    @Test
    void cookieAndMeAliasesFindTheSameProfile() {
        Object byEmail = lytics.admin().get("/api/entity/user/email/ada@example.org").data();
        assertThat(lytics.admin().get("/api/entity/user/u_demo_ada").data()).isEqualTo(byEmail);
        assertThat(lytics.admin().get("/api/me/email/ada@example.org").data()).isEqualTo(byEmail);
        assertThat(lytics.admin().get("/api/me/_uids/u_demo_ada").data()).isEqualTo(byEmail);
    }

    @Test
    void anEventWithTwoIdentitiesStitchesProfiles() {
        lytics.admin().postJson("/collect/json/web", "{\"_uid\":\"u_stitch\",\"_e\":\"pv\",\"url\":\"example.org/x\",\"color\":\"teal\"}");
        lytics.admin().postJson("/collect/json/web", "{\"email\":\"stitch@example.org\",\"first_name\":\"Sam\"}");
        assertThat(lytics.admin().get("/api/entity/user/email/stitch@example.org").dataMap()).doesNotContainKey("color");

        lytics.admin().postJson("/collect/json/web", "{\"_uid\":\"u_stitch\",\"email\":\"stitch@example.org\"}");

        Map<String, Object> byEmail = lytics.admin().get("/api/entity/user/email/stitch@example.org").dataMap();
        assertThat(byEmail).containsEntry("color", "teal").containsEntry("first_name", "Sam")
                .containsEntry("_uids", List.of("u_stitch"));
        assertThat(list(byEmail, "segments")).contains("known_users").doesNotContain("anonymous_visitors");
        assertThat(lytics.admin().get("/api/entity/user/_uid/u_stitch").dataMap()).isEqualTo(byEmail);
    }

    @Test
    void readingThreeArticlesOfATopicJoinsItsSegmentButTwoDoNot() {
        String[] slugs = {"weeknight-pasta", "knife-skills", "one-pot-soups"};
        for (int i = 0; i < slugs.length; i++) {
            lytics.admin().postJson("/collect/json/web", "{\"_uid\":\"u_reader\",\"_e\":\"pv\",\"url\":\"https://example.org/articles/cooking/"
                    + slugs[i] + "\"}");
            Map<String, Object> data = lytics.admin().get("/api/entity/user/_uid/u_reader").dataMap();
            if (i < 2) {
                assertThat(list(data, "segments")).as("after %d articles", i + 1).doesNotContain("interested_cooking");
            } else {
                assertThat(list(data, "segments")).contains("interested_cooking");
                // written as text, as Lytics writes profile numbers (go-lytics mock/json/get_entity.json)
                assertThat(data.get("lytics_content")).isEqualTo(Map.of("cooking", "0.5"));
                assertThat((Map<?, ?>) data.get("hashedurls")).hasSize(3);
            }
        }
    }

    @Test
    void anUnknownIdentityFieldIs400AndAnUnknownTableIs404() {
        // input: first_name is not one of the by_fields
        SandboxHttp.Reply field = lytics.admin().get("/api/entity/user/first_name/Ada");
        assertThat(field.status()).isEqualTo(400);
        assertThat(field.message()).contains("first_name").contains("_uids");
        SandboxHttp.Reply table = lytics.admin().get("/api/entity/orders/email/ada@example.org");
        assertThat(table.status()).isEqualTo(404);
        assertThat(table.message()).contains("orders");
    }

    @Test
    void contentEntitiesAreFoundByUrl() {
        SandboxHttp.Reply r = lytics.admin().get("/api/entity/content/url/example.org%2Farticles%2Frunning%2Finterval-training");
        assertThat(r.message()).isEqualTo("success");
        assertThat(r.dataMap()).containsEntry("title", "Intervals that make you faster");
        assertThat(list(r.dataMap(), "segments")).contains("all", "running_articles");
    }
}
