package io.lytx.sandbox.filterql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateMathEvaluationTest {

    private static final Instant NOW = Instant.parse("2026-01-31T10:00:00Z");

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "now,           2026-01-31T10:00:00Z",
        "now-1y,        2025-01-31T10:00:00Z",
        "now+1M,        2026-02-28T10:00:00Z",
        "now-2M,        2025-11-30T10:00:00Z",
        "now-2w,        2026-01-17T10:00:00Z",
        "now-3d,        2026-01-28T10:00:00Z",
        "now+2d,        2026-02-02T10:00:00Z",
        "now-4h,        2026-01-31T06:00:00Z",
        "now-5m,        2026-01-31T09:55:00Z",
        "now-6s,        2026-01-31T09:59:54Z",
        "now-1d+2h,     2026-01-30T12:00:00Z",
        "now-0d,        2026-01-31T10:00:00Z",
    })
    void eachUnitMovesTheClockAsDocumented(String math, String expected) {
        // a field holding exactly the expected instant equals the date math, and is not after it
        Map<String, Object> profile = Map.of("ts", Instant.parse(expected));
        EvalContext ctx = EvalContext.of(Clock.fixed(NOW, ZoneOffset.UTC), (slug, p) -> false);
        assertThat(Trees.parse("ts = \"" + math + "\"").filter().test(profile, ctx)).isTrue();
        assertThat(Trees.parse("ts > \"" + math + "\"").filter().test(profile, ctx)).isFalse();
        assertThat(Trees.parse("ts >= \"" + math + "\"").filter().test(profile, ctx)).isTrue();
    }

    @Test
    void membershipMovesWithTheClock() {
        Expr recent = Trees.parse("FILTER last_visit > \"now-30d\"").filter();
        Map<String, Object> profile = Map.of("last_visit", "2026-11-01T00:00:00Z");
        SettableContext ctx = new SettableContext(Instant.parse("2026-11-27T00:00:00Z"));
        assertThat(recent.test(profile, ctx)).isTrue();
        assertThat(recent.test(profile, ctx.at(Instant.parse("2026-12-01T00:00:00Z")))).as("30 days exactly").isFalse();
        assertThat(recent.test(profile, ctx.at(Instant.parse("2026-11-30T23:59:59Z")))).isTrue();
    }

    @Test
    void futureDateMath() {
        Expr renewsSoon = Trees.parse("renewal BETWEEN \"now\" AND \"now+7d\"").filter();
        Map<String, Object> profile = Map.of("renewal", 1_780_000_000_000L); // 2026-05-28T20:26:40Z
        SettableContext ctx = new SettableContext(Instant.parse("2026-05-25T00:00:00Z"));
        assertThat(renewsSoon.test(profile, ctx)).isTrue();
        assertThat(renewsSoon.test(profile, ctx.at(Instant.parse("2026-05-20T00:00:00Z")))).isFalse();
        assertThat(renewsSoon.test(profile, ctx.at(Instant.parse("2026-05-29T00:00:00Z")))).isFalse();
    }

    @Test
    void dateMathOutOfRangeDoesNotMatchInsteadOfThrowing() {
        Expr far = Trees.parse("ts > \"now-999999999y\"").filter();
        Map<String, Object> profile = Map.of("ts", "2026-01-01T00:00:00Z");
        assertThat(far.test(profile, new SettableContext(NOW))).isTrue();
        Expr tooFar = Trees.parse("ts > \"now-999999999y-999999999y\"").filter();
        assertThat(tooFar.test(profile, new SettableContext(NOW))).isFalse();
    }

    @Test
    void textStartingWithNowButNotDateMathIsPlainText() {
        Map<String, Object> profile = Map.of("city", "nowhere", "note", "now 7d");
        SettableContext ctx = new SettableContext(NOW);
        assertThat(Trees.parse("city = \"nowhere\"").filter().test(profile, ctx)).isTrue();
        assertThat(Trees.parse("note = \"now 7d\"").filter().test(profile, ctx)).isTrue();
    }
}
