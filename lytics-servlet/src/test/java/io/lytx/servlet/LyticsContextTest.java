package io.lytx.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lytx.client.content.Recommendation;
import io.lytx.client.entity.Entity;
import io.lytx.client.entity.EntityStatus;
import io.lytx.client.entity.ProfileFields;
import io.lytx.servlet.internal.profile.Deadline;
import io.lytx.servlet.internal.profile.ProfileResult;
import io.lytx.servlet.internal.profile.Recommender;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LyticsContextTest {

    private static final Identity VISITOR = new Identity("u_670591093815502600", false, null, null);

    private static Entity entity() {
        return new Entity(EntityStatus.FOUND, "success", List.of("all", "vip", "us_visitors"), List.of("abc"),
                ProfileFields.of(Map.of("first_name", "Pat", "visitct", "17", "score", "61.5", "optin", "t",
                        "last_ts", "2024-05-01T12:00:00Z", "tags", List.of("a", "b"))), null);
    }

    private static Recommendation rec(String url) {
        return new Recommendation(url, "t", "d", List.of(), Map.of(), null, null, null, url, 0.5, false);
    }

    private static LyticsContext context(CompletableFuture<ProfileResult> profile, Deadline deadline, Recommender r) {
        return LyticsContext.started(VISITOR, "pv-1", profile, deadline, r, 3);
    }

    @Test
    void knownProfileGivesTypedFieldsAndSegments() {
        LyticsContext c = context(CompletableFuture.completedFuture(ProfileResult.known(entity())),
                Deadline.after(Duration.ofSeconds(1)), Recommender.NONE);

        assertThat(c.getStatus()).isEqualTo(ProfileStatus.KNOWN);
        assertThat(c.isKnown()).isTrue();
        assertThat(c.field("first_name")).isEqualTo("Pat");
        assertThat(c.fieldLong("visitct")).isEqualTo(17L);
        assertThat(c.fieldNumber("score")).isEqualTo(61.5);
        assertThat(c.fieldBool("optin")).isTrue();
        assertThat(c.fieldInstant("last_ts")).isEqualTo(Instant.parse("2024-05-01T12:00:00Z"));
        assertThat(c.fieldList("tags")).containsExactly("a", "b");
        assertThat(c.field("missing")).isNull();
        assertThat(c.fieldLong("first_name")).isNull();
        assertThat(c.getFields()).containsEntry("first_name", "Pat");
        assertThat(c.inSegment("vip")).isTrue();
        assertThat(c.inSegment("gold")).isFalse();
        assertThat(c.inAnySegment("gold, vip")).isTrue();
        assertThat(c.inAllSegments("vip us_visitors")).isTrue();
        assertThat(c.inAllSegments("vip,gold")).isFalse();
        assertThat(c.inNoSegment("gold,silver")).isTrue();
        assertThat(c.inNoSegment("gold,vip")).isFalse();
        assertThat(c.getVisitorId()).isEqualTo("u_670591093815502600");
        assertThat(c.getPageViewId()).isEqualTo("pv-1");
    }

    @Test
    void unavailableProfileProvesNothing() {
        LyticsContext c = context(CompletableFuture.completedFuture(ProfileResult.unavailable("breaker open")),
                Deadline.after(Duration.ofSeconds(1)), Recommender.NONE);

        assertThat(c.isUnavailable()).isTrue();
        assertThat(c.getReason()).isEqualTo("breaker open");
        assertThat(c.getSegments()).isEmpty();
        assertThat(c.inSegment("vip")).isFalse();
        assertThat(c.inNoSegment("vip")).isFalse();
        assertThat(c.field("first_name")).isNull();
    }

    @Test
    void aLookupThatNeverAnswersEndsAtTheBudget() {
        // input: a lookup that never completes, a 40 ms deadline; must hold: reading the status waits until
        // the deadline has passed (the context's own deadline, not a time measured here, which a busy machine
        // could shorten by descheduling the test between making the deadline and reading), then gives up
        CompletableFuture<ProfileResult> never = new CompletableFuture<>();
        Deadline deadline = Deadline.after(Duration.ofMillis(40));
        LyticsContext c = context(never, deadline, Recommender.NONE);

        ProfileStatus status = c.getStatus();

        assertThat(deadline.expired()).as("the deadline had passed when the page got its answer").isTrue();
        assertThat(status).isEqualTo(ProfileStatus.UNAVAILABLE);
        assertThat(c.getReason()).isEqualTo("budget exceeded");
        // later completion does not change what the page already saw
        never.complete(ProfileResult.known(entity()));
        assertThat(c.getStatus()).isEqualTo(ProfileStatus.UNAVAILABLE);
    }

    @Test
    void recommendationsAreFetchedLazilyOncePerLimitAndClamped() {
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger lastLimit = new AtomicInteger();
        Recommender r = (limit, contentSegment, d) -> {
            calls.incrementAndGet();
            lastLimit.set(limit);
            return CompletableFuture.completedFuture(List.of(rec("a.com/1"), rec("a.com/2")));
        };
        LyticsContext c = context(CompletableFuture.completedFuture(ProfileResult.newVisitor()),
                Deadline.after(Duration.ofSeconds(1)), r);

        assertThat(calls).hasValue(0);
        assertThat(c.getRecommendations()).extracting(Recommendation::url).containsExactly("a.com/1", "a.com/2");
        assertThat(lastLimit).hasValue(3);
        c.getRecommendations();
        assertThat(calls).hasValue(1);
        c.recommend(1000);
        assertThat(lastLimit).hasValue(LyticsContext.MAX_RECOMMENDATIONS);
        assertThat(calls).hasValue(2);
    }

    @Test
    void inactiveContextAsksNothing() {
        LyticsContext c = LyticsContext.inactive("bot");

        assertThat(c.isActive()).isFalse();
        assertThat(c.getStatus()).isEqualTo(ProfileStatus.UNAVAILABLE);
        assertThat(c.getReason()).isEqualTo("bot");
        assertThat(c.getRecommendations()).isEmpty();
        assertThat(c.getVisitorId()).isNull();
    }

    @Test
    void argumentsAreChecked() {
        assertThatThrownBy(() -> LyticsContext.started(null, "p", new CompletableFuture<>(),
                Deadline.after(Duration.ofMillis(1)), Recommender.NONE, 3)).hasMessageContaining("identity");
        assertThatThrownBy(() -> LyticsContext.started(VISITOR, "p", new CompletableFuture<>(),
                Deadline.after(Duration.ofMillis(1)), Recommender.NONE, 0)).hasMessageContaining("defaultLimit");
    }
}
