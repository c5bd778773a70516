package io.lytx.client.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lytx.client.LyticsClient;
import io.lytx.client.error.LyticsResponseException;
import io.lytx.client.testing.LyticsFixtures;
import io.lytx.client.testing.StubLyticsExtension;
import io.lytx.client.testing.StubResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What parsed profiles hold in common is held once (the plugin caches many): field names, short values,
 * segment lists; and what that must not change: the order Lytics sent, equality, the answer size cap.
 */
class ParsedProfileSharingTest {

    @RegisterExtension
    final StubLyticsExtension lytics = new StubLyticsExtension();

    private Entity lookUp(String answer) {
        lytics.server().enqueue(StubResponse.json(200, answer));
        return lytics.client().entities().get(EntityQuery.by("email", "pat@example.org"));
    }

    @Test
    void twoParsedProfilesShareFieldNamesShortValuesAndSegmentText() {
        // input: the same answer parsed twice (two HTTP answers, so two JSON parses);
        // must: the second profile's names, short values and segment slugs are the first's instances
        Entity first = lookUp(LyticsFixtures.ENTITY_FOUND);
        Entity second = lookUp(LyticsFixtures.ENTITY_FOUND);

        List<String> firstNames = new ArrayList<>(first.fields().asMap().keySet());
        List<String> secondNames = new ArrayList<>(second.fields().asMap().keySet());
        for (int i = 0; i < firstNames.size(); i++) {
            assertThat(secondNames.get(i)).isSameAs(firstNames.get(i));
        }
        assertThat(second.fields().raw("country")).isSameAs(first.fields().raw("country"));
        assertThat(second.fields().raw("app_ismobile")).isSameAs(first.fields().raw("app_ismobile"));
        assertThat(second.segments().get(1)).isSameAs(first.segments().get(1));
        assertThat(second.segmentIds().get(0)).isSameAs(first.segmentIds().get(0));
        assertThat(second.fields().map("hourly").keySet().iterator().next())
                .isSameAs(first.fields().map("hourly").keySet().iterator().next());
        assertThat(second.message()).isSameAs(first.message());
        assertThat(second.segments()).isSameAs(first.segments());
        assertThat(second.segmentIds()).isSameAs(first.segmentIds());
        assertThat(second.meta().orElseThrow()).isSameAs(first.meta().orElseThrow());
    }

    @Test
    void segmentListsAreHeldOnceNotAgainBesideTheFields() {
        // input: a found profile; must: segments() and segmentIds() are the very lists in the fields
        Entity e = lookUp(LyticsFixtures.ENTITY_FOUND);

        assertThat(e.segments()).isSameAs(e.fields().raw("segments"));
        assertThat(e.segmentIds()).isSameAs(e.fields().raw("segments_all"));
        assertThat(e.fields().strings("segments")).isSameAs(e.segments());
    }

    @Test
    void fieldsKeepTheOrderLyticsSentAndEqualTheSameFieldsBuiltFromAnyMap() {
        // input: the found profile; must: asMap in answer order, equal to ProfileFields of a LinkedHashMap copy
        Entity e = lookUp(LyticsFixtures.ENTITY_FOUND);

        assertThat(e.fields().asMap().keySet()).containsExactly("_uids", "email", "user_id", "visitct",
                "score_intensity", "app_ismobile", "country", "app_lastvisit_ts", "last_msg_ts", "hourly", "segments",
                "segments_all");
        assertThat(e.fields().map("hourly").keySet()).containsExactly("9", "14");
        ProfileFields copy = ProfileFields.of(new LinkedHashMap<>(e.fields().asMap()));
        assertThat(copy).isEqualTo(e.fields());
        assertThat(copy.hashCode()).isEqualTo(e.fields().hashCode());
        assertThat(copy.asMap().keySet()).containsExactlyElementsOf(e.fields().asMap().keySet());
        assertThat(copy).hasToString(e.fields().toString());
    }

    @Test
    void profileFieldsOfAnyMapKeepItsOrderAndAreUnmodifiable() {
        // input: a LinkedHashMap with a null value; must: same order, has() false for null, a later change
        // of the source not seen, asMap unmodifiable
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("z", "1");
        source.put("a", null);
        source.put("m", List.of("x"));
        ProfileFields f = ProfileFields.of(source);
        source.put("late", "2");

        assertThat(f.asMap().keySet()).containsExactly("z", "a", "m");
        assertThat(f.has("a")).isFalse();
        assertThat(f.asMap()).containsKey("a");
        assertThat(f.longValue("z")).hasValue(1);
        assertThat(f.strings("m")).containsExactly("x");
        assertThat(f.raw("late")).isNull();
        assertThatThrownBy(() -> f.asMap().put("b", "3")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void hostileAnswerWithManyUniqueFieldNamesIsBoundedByTheAnswerCap() {
        // input: 20,000 unique field names (about 500 KB), read by a client with a 64 KB cap and by the default one;
        // must: refused whole under the small cap (no name of it kept), every name readable under the default cap
        StringBuilder answer = new StringBuilder("{\"status\":200,\"message\":\"success\",\"data\":{\"segments\":[\"all\"]");
        for (int i = 0; i < 20_000; i++) {
            answer.append(",\"hostile_field_").append(i).append("\":\"v\"");
        }
        String body = answer.append("}}").toString();
        try (LyticsClient small = LyticsClient.builder().baseUri(lytics.server().baseUri()).token("tok")
                .maxResponseBytes(64 * 1024).build()) {
            lytics.server().enqueue(StubResponse.json(200, body));
            assertThatThrownBy(() -> small.entities().get(EntityQuery.by("_uid", "u_1")))
                    .isInstanceOf(LyticsResponseException.class).hasMessageContaining("over the limit of 65536 bytes");
        }

        Entity e = lookUp(body);

        assertThat(e.fields().asMap()).hasSize(20_001);
        assertThat(e.fields().string("hostile_field_19999")).contains("v");
    }
}
