package io.lytx.client.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lytx.client.content.Recommendation;
import io.lytx.client.content.RecommendationQuery;
import io.lytx.client.entity.Entity;
import io.lytx.client.entity.EntityQuery;
import io.lytx.client.entity.EntityStatus;
import io.lytx.client.error.LyticsTimeoutException;
import io.lytx.client.error.LyticsUnauthorizedException;
import io.lytx.client.management.Account;
import io.lytx.client.management.AdminUser;
import io.lytx.client.schema.TableSchema;
import io.lytx.client.segment.ScanPage;
import io.lytx.client.segment.Segment;
import io.lytx.client.segment.SegmentSize;
import io.lytx.client.testing.GoldenAnswers;
import io.lytx.client.testing.StubLyticsExtension;
import io.lytx.client.testing.StubResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The client reads Lytics' answers as Lytics published them ({@link GoldenAnswers}; each constant
 * names its source, mostly go-lytics {@code mock/json/*.json}), quirks included.
 */
class GoldenAnswersParsingTest {

    @RegisterExtension
    final StubLyticsExtension lytics = new StubLyticsExtension();

    private void answer(String body) {
        lytics.server().enqueue(StubResponse.json(200, body));
    }

    @Test
    void theCapturedEntityIsReadWithItsStringNumbersAndT() {
        answer(GoldenAnswers.ENTITY);

        Entity e = lytics.client().entities().get(EntityQuery.by("email", "rita@example.com"));

        assertThat(e.status()).isEqualTo(EntityStatus.FOUND);
        assertThat(e.fields().longValue("app_pageviewct")).hasValue(517);
        assertThat(e.fields().longValue("score_intensity")).hasValue(41);
        assertThat(e.fields().number("timezone")).hasValue(-5.0);
        assertThat(e.fields().bool("app_ismobile")).hasValue(true);
        assertThat(e.fields().map("hourly")).containsEntry("14", "52");
        assertThat(e.fields().map("hashedurls")).containsEntry("-2281467403511790011", "3");
        assertThat(e.fields().instant("app_lastvisit_ts")).hasValue(Instant.parse("2023-04-02T08:15:00.120Z"));
        assertThat(e.fields().strings("_uids")).containsExactly("204411.93021100412", "u_730019283746501928");
        assertThat(e.segments()).containsExactly("all", "engaged_readers");
        assertThat(e.segmentIds()).containsExactly("4c1a2b3d4e5f60718293a4b5c6d7e8f9");
        assertThat(e.meta()).hasValueSatisfying(m -> assertThat(m.byFields()).containsExactly("emails", "fbuid", "user_id"));
    }

    @Test
    void notFoundIsAnUnknownVisitorButTimedOutIsATimeout() {
        answer(GoldenAnswers.ENTITY_NOT_FOUND);
        assertThat(lytics.client().entities().get(EntityQuery.by("_uid", "u1")).status()).isEqualTo(EntityStatus.NOT_FOUND);

        // input: HTTP 200 {"message":"Timed out", data: the not-found placeholder}; must not read as a new visitor
        answer(GoldenAnswers.ENTITY_TIMED_OUT);
        assertThatThrownBy(() -> lytics.client().entities().get(EntityQuery.by("_uid", "u1")))
                .isInstanceOf(LyticsTimeoutException.class).hasMessageContaining("Timed out");
        answer(GoldenAnswers.ENTITY_TIMED_OUT);
        assertThatThrownBy(() -> lytics.client().entities().getAsync(EntityQuery.by("_uid", "u1"), Duration.ofSeconds(30))
                .toCompletableFuture().join())
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(LyticsTimeoutException.class);
    }

    @Test
    void theCapturedCatalogTakesByFieldsFromByFieldsNotFromEveryIsByColumn() {
        answer(GoldenAnswers.CATALOG_USER);

        TableSchema s = lytics.client().schema().table("user");

        // nickname is marked is_by but is not in by_fields: Lytics does not stitch on it
        assertThat(s.byFields()).containsExactly("crm_id", "email", "_uids");
        assertThat(s.columns()).extracting(c -> c.as() + ":" + c.mergeOp() + ":" + c.isBy())
                .containsExactly("city:default:false", "crm_id:latest:true", "nickname:latest:true", "email:latest:true");
    }

    @Test
    void withoutByFieldsTheIsByColumnsStandIn() {
        answer("""
                {"status":200,"message":"success","data":{"name":"user","columns":[
                 {"as":"email","is_by":true,"type":"string","op":"latest"},{"as":"city","is_by":false,"type":"string","op":"latest"}]}}
                """);
        assertThat(lytics.client().schema().table("user").byFields()).containsExactly("email");
    }

    @Test
    void segmentsSizesAndScansAsCaptured() {
        answer(GoldenAnswers.SEGMENT);
        Segment s = lytics.client().segments().get("engaged_readers");
        assertThat(s.slugName()).isEqualTo("engaged_readers");
        assertThat(s.isPublic()).isTrue();
        assertThat(s.segmentQl()).startsWith("FILTER");

        answer(GoldenAnswers.SEGMENTS);
        assertThat(lytics.client().segments().list("user", null)).extracting(Segment::id)
                .containsExactly("1a2b3c4d5e6f708192a3b4c5d6e7f809");

        answer(GoldenAnswers.SEGMENT_SIZE);
        assertThat(lytics.client().segments().size("engaged_readers"))
                .isEqualTo(new SegmentSize("1a2b3c4d5e6f708192a3b4c5d6e7f809", "Engaged readers", "engaged_readers", 2210));

        answer(GoldenAnswers.SCAN_PAGE);
        ScanPage page = lytics.client().segments().scanPage("engaged_readers", io.lytx.client.segment.ScanQuery.defaults(), null);
        assertThat(page.next()).hasValue("bmV4dC0x");
        assertThat(page.total()).hasValue(4);
        assertThat(page.profiles()).extracting(p -> p.longValue("score_intensity").orElse(-1)).containsExactly(12L, 70L);
    }

    @Test
    void recommendationsAsCaptured() {
        answer(GoldenAnswers.RECOMMENDATIONS);

        List<Recommendation> recs = lytics.client().content().recommendForUser("_uid", "u1", RecommendationQuery.defaults());

        assertThat(recs).hasSize(1);
        Recommendation r = recs.get(0);
        assertThat(r.url()).isEqualTo("blog.example.com/guides/compost");
        assertThat(r.topicRelevances()).isEqualTo(Map.of("gardening", 1.0, "compost", 0.47));
        assertThat(r.confidence()).isEqualTo(0.61);
        assertThat(r.visited()).isFalse();
        assertThat(r.id()).isEqualTo("-7730114900218832651");
    }

    @Test
    void accountUserAndErrorAsCaptured() {
        answer(GoldenAnswers.ACCOUNT);
        Account a = lytics.client().accounts().current();
        assertThat(a.aid()).isEqualTo("7");
        assertThat(a.domain()).isEqualTo("shop.example.com");

        answer(GoldenAnswers.USER);
        AdminUser u = lytics.client().users().get("pat@example.com");
        assertThat(u.roles()).containsExactly("admin");

        lytics.server().enqueue(StubResponse.json(401, GoldenAnswers.ERROR_UNAUTHORIZED));
        assertThatThrownBy(() -> lytics.client().accounts().current()).isInstanceOf(LyticsUnauthorizedException.class)
                .satisfies(t -> assertThat(((LyticsUnauthorizedException) t).lyticsMessage()).isEqualTo("Not authorized"));
    }
}
