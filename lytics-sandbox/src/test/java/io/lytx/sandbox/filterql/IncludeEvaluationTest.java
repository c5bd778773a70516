package io.lytx.sandbox.filterql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IncludeEvaluationTest {

    private final SettableContext ctx = new SettableContext(Instant.parse("2026-11-27T12:00:00Z"))
            .segment("us_visitors", "FILTER country = \"US\" ALIAS us_visitors")
            .segment("frequent", "FILTER visitct >= 10")
            .segment("frequent_us", "FILTER AND (INCLUDE us_visitors, INCLUDE frequent)");

    @Test
    void includeAsksTheContextAndComposes() {
        Expr notFrequentUs = Trees.parse("FILTER AND (EXISTS email, NOT INCLUDE frequent_us)").filter();
        Map<String, Object> usFrequent = Map.of("email", "a@x.org", "country", "US", "visitct", "12");
        Map<String, Object> usRare = Map.of("email", "b@x.org", "country", "US", "visitct", "2");
        Map<String, Object> caFrequent = Map.of("email", "c@x.org", "country", "CA", "visitct", "40");
        assertThat(notFrequentUs.test(usFrequent, ctx)).isFalse();
        assertThat(notFrequentUs.test(usRare, ctx)).isTrue();
        assertThat(notFrequentUs.test(caFrequent, ctx)).isTrue();
    }

    @Test
    void unknownSegmentIsNoMembership() {
        assertThat(Trees.parse("INCLUDE nobody_knows").filter().test(Map.of(), ctx)).isFalse();
        assertThat(Trees.parse("NOT INCLUDE nobody_knows").filter().test(Map.of(), ctx)).isTrue();
    }

    @Test
    void theContextReceivesTheExactSlugAndTheSameProfile() {
        List<String> asked = new ArrayList<>();
        Map<String, Object> profile = Map.of("x", 1);
        EvalContext recording = new EvalContext() {
            @Override
            public Instant now() {
                return Instant.EPOCH;
            }

            @Override
            public boolean isMember(String segmentSlug, Map<String, Object> p) {
                asked.add(segmentSlug);
                return p == profile && segmentSlug.equals("Odd-Slug");
            }
        };
        assertThat(Trees.parse("OR (INCLUDE first, INCLUDE `Odd-Slug`, INCLUDE never_asked)").filter()
                .test(profile, recording)).isTrue();
        assertThat(asked).containsExactly("first", "Odd-Slug");
    }

    @Test
    void includedSegmentsAreReportedForCycleChecks() {
        ParsedSegment parsed = Trees.parse("FILTER AND (INCLUDE us_visitors, OR (NOT INCLUDE frequent, x = 1))");
        assertThat(parsed.filter().includedSegments()).containsExactly("us_visitors", "frequent");
    }
}
