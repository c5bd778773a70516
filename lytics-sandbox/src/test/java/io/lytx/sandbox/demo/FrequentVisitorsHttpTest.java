package io.lytx.sandbox.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.lytx.sandbox.SandboxExtension;
import io.lytx.sandbox.SandboxOptions;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The demo segment {@code frequent_visitors} ({@code visitct >= 5}) over HTTP: visits collected as
 * events drive the computed {@code visitct}, which the entity API writes as text ({@code "5"}) and
 * the segment compares as a number; a {@code visitct} sent in an event is not a visit.
 */
class FrequentVisitorsHttpTest {

    @RegisterExtension
    static final SandboxExtension lytics = new SandboxExtension(SandboxOptions.defaults());

    private static final Instant T0 = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    private static void visit(String uid, int n) {
        // page views 31 minutes apart: each one starts a new visit
        String ts = Long.toString(T0.plus(31L * n, ChronoUnit.MINUTES).toEpochMilli());
        assertThat(lytics.admin().postJson("/collect/json/default?timestamp_field=_ts",
                "{\"_uid\":\"" + uid + "\",\"_ts\":\"" + ts + "\",\"url\":\"example.org/x\",\"_e\":\"pv\"}").status())
                .isEqualTo(200);
    }

    private static Map<String, Object> entity(String uid) {
        return lytics.admin().get("/api/entity/user/_uid/" + uid).dataMap();
    }

    private static List<Object> segments(String uid) {
        return List.copyOf((List<?>) entity(uid).get("segments"));
    }

    private static long frequentSize() {
        return ((BigDecimal) lytics.admin().get("/api/segment/frequent_visitors/size").dataMap().get("size")).longValue();
    }

    @Test
    void theFifthVisitPutsAVisitorInFrequentVisitors() {
        long before = frequentSize();
        for (int n = 0; n < 4; n++) {
            visit("fv-regular", n);
        }
        assertThat(entity("fv-regular")).containsEntry("visitct", "4");
        assertThat(segments("fv-regular")).doesNotContain("frequent_visitors");
        assertThat(frequentSize()).isEqualTo(before);

        visit("fv-regular", 4);
        assertThat(entity("fv-regular")).containsEntry("visitct", "5");
        assertThat(segments("fv-regular")).contains("frequent_visitors");
        assertThat(frequentSize()).isEqualTo(before + 1);
    }

    @Test
    void aVisitCountSentInAnEventIsNotAVisit() {
        // input: one page view claiming 11 visits, as the sandbox benchmark's events do
        assertThat(lytics.admin().postJson("/collect/json/default",
                "[{\"_uid\":\"fv-claims\",\"visitct\":\"11\",\"url\":\"example.org/y\",\"_e\":\"pv\"}]").status())
                .isEqualTo(200);
        assertThat(entity("fv-claims")).containsEntry("visitct", "1");
        assertThat(segments("fv-claims")).doesNotContain("frequent_visitors")
                .contains("new_visitors");
    }
}
