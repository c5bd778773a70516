package io.lytx.sandbox.filterql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One parsed tree shared by several threads gives the same answers as a single thread. */
class ConcurrentEvaluationTest {

    @Test
    void sharedTreeEvaluatesTheSameFromManyThreads() throws InterruptedException, ExecutionException {
        Expr segment = Trees.parse("""
                FILTER AND (
                  visitct > 5
                  OR (country IN ("US", "CA"), email LIKE "*@example.org")
                  last_visit > "now-30d"
                  NOT tags INTERSECTS ("churned")
                )""").filter();
        EvalContext ctx = EvalContext.of(Clock.fixed(Instant.parse("2026-11-27T00:00:00Z"), ZoneOffset.UTC),
                (slug, profile) -> false);
        List<Map<String, Object>> profiles = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            profiles.add(Map.of(
                    "visitct", Integer.toString(i % 11),
                    "country", i % 3 == 0 ? "US" : "FR",
                    "email", "p" + i + (i % 5 == 0 ? "@example.org" : "@example.com"),
                    "last_visit", Instant.parse("2026-11-27T00:00:00Z").minusSeconds(86_400L * (i % 45)).toString(),
                    "tags", i % 7 == 0 ? List.of("churned") : List.of("active")));
        }
        List<Boolean> expected = profiles.stream().map(p -> segment.test(p, ctx)).toList();
        assertThat(expected).contains(true, false);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Boolean>>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                runs.add(pool.submit(() -> profiles.stream().map(p -> segment.test(p, ctx)).toList()));
            }
            for (Future<List<Boolean>> run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
