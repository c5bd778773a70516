package io.lytx.servlet.internal.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.lytx.client.entity.Entity;
import io.lytx.client.entity.EntityQuery;
import io.lytx.client.testing.GoldenAnswers;
import io.lytx.client.testing.StubLyticsExtension;
import io.lytx.client.testing.StubResponse;
import io.lytx.servlet.Identity;
import io.lytx.servlet.LyticsContext;
import io.lytx.servlet.internal.preview.Personalization;
import io.lytx.servlet.internal.preview.SegmentCondition;
import io.lytx.servlet.internal.profile.Deadline;
import io.lytx.servlet.internal.profile.ProfileResult;
import io.lytx.servlet.internal.profile.Recommender;
import io.lytx.servlet.internal.runtime.ServletAccess;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every server-side consumer reads a profile in the forms Lytics sends it (go-lytics
 * {@code mock/json/get_entity.json}, re-typed in {@link GoldenAnswers#ENTITY}: numbers as text,
 * {@code "t"} for true, maps of counts with text values), read through the real client from a real
 * socket: the typed getters of {@link LyticsContext}, the text the field tag prints, the segment
 * conditions, and the bootstrap, which hands the page Lytics' values as Lytics wrote them (what
 * Lytics' own tag would expose), never re-typed by guess (a text such as a ZIP code "02134" must
 * stay text).
 */
class LyticsValueFormsTest {

    @RegisterExtension
    final StubLyticsExtension lytics = new StubLyticsExtension();

    private Personalization page() {
        lytics.server().enqueue(StubResponse.json(200, GoldenAnswers.ENTITY));
        Entity entity = lytics.client().entities().get(EntityQuery.by("email", "rita@example.com"));
        LyticsContext context = ServletAccess.started(new Identity("u_730019283746501928", false, null, null), "pv-1",
                CompletableFuture.completedFuture(ProfileResult.known(entity)), Deadline.after(Duration.ofSeconds(1)),
                Recommender.NONE, 4);
        return Personalization.of(context);
    }

    @Test
    void typedGettersReadTextNumbersAndT() {
        LyticsContext c = page().context();

        assertThat(c.fieldLong("app_pageviewct")).isEqualTo(517L);
        assertThat(c.fieldLong("visitct")).isEqualTo(38L);
        assertThat(c.fieldNumber("timezone")).isEqualTo(-5.0);
        assertThat(c.fieldNumber("score_intensity")).isEqualTo(41.0);
        assertThat(c.fieldBool("app_ismobile")).isTrue();
        assertThat(c.fieldInstant("app_lastvisit_ts")).isEqualTo(Instant.parse("2023-04-02T08:15:00.120Z"));
        assertThat(c.fieldList("emails")).containsExactly("rita@example.com");
        assertThat(c.getFields().get("hourly")).isInstanceOf(java.util.Map.class);
    }

    @Test
    void theFieldTagsTextAndSegmentConditionsUseLyticsValues() {
        Personalization p = page();

        assertThat(p.field("app_pageviewct")).isEqualTo("517");
        assertThat(p.field("app_ismobile")).isEqualTo("t");
        assertThat(p.test(SegmentCondition.parse("all:all,engaged_readers", SegmentCondition.Match.ANY))).isTrue();
        assertThat(p.test(SegmentCondition.parse("none:not_found", SegmentCondition.Match.ANY))).isTrue();
    }

    @Test
    void theBootstrapHandsThePageLyticsValuesUnchanged() {
        BootstrapSettings settings = new BootstrapSettings(List.of("app_pageviewct", "app_ismobile", "timezone", "hourly",
                "emails"), Set.of(), false, "cspNonce", false, null, "seerid");

        String text = new BootstrapText(settings).of(page(), new BootstrapJson.Endpoints("/lytics/profile",
                "/lytics/collect"), true, "granted");

        JsonObject fields = Json.createReader(new StringReader(text)).readObject().getJsonObject("fields");
        assertThat(fields.getString("app_pageviewct")).isEqualTo("517");
        assertThat(fields.getString("app_ismobile")).isEqualTo("t");
        assertThat(fields.getString("timezone")).isEqualTo("-5");
        assertThat(fields.getJsonArray("emails")).hasSize(1);
        assertThat(fields).as("nested maps are not part of the bootstrap contract").doesNotContainKey("hourly");
    }
}
