package io.lytx.bench.cold;

import io.lytx.bench.servlet.FakeRequest;
import io.lytx.bench.servlet.FakeResponse;
import io.lytx.bench.servlet.FilterHost;
import io.lytx.bench.support.AdminHttp;
import io.lytx.bench.support.Percentiles;
import io.lytx.bench.support.Visitors;
import io.lytx.client.LyticsClient;
import io.lytx.client.content.RecommendationQuery;
import io.lytx.client.entity.EntityQuery;
import io.lytx.sandbox.LyticsSandbox;
import io.lytx.sandbox.SandboxOptions;
import io.lytx.servlet.LyticsContext;
import io.lytx.servlet.LyticsFilter;
import io.lytx.servlet.ProfileStatus;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Cold path: a page of a visitor whose profile is not cached, that reads both the profile and the
 * recommendations, through the real filter (recommendations started eagerly on {@code /articles/*},
 * so that both upstream calls run in parallel), against the sandbox's own response times for the
 * same two calls made directly. Target: page wait ≤ the slower of the two direct calls + 2 ms.
 *
 * <p>Two baselines, each for its own new visitor: (1) like with like: the same two calls made with
 * {@code lytics-client} (the HTTP stack the filter uses, built as the filter builds it), started
 * together, timed until both have answered, which is "the slower call" when they run in parallel;
 * (2) for reference, the two calls one after the other with the JDK HTTP/1.1 client, keeping the
 * slower. Samples rotate (baseline 1, baseline 2, page) so all see the same machine conditions.
 * Every visitor is new to the filter (a cache miss) and has a profile in the sandbox.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.lytx.bench.cold.ColdPathRun [samples]}
 * (default 300; 100 warm-up pairs are not counted). Loopback only, bounded by the sample count.
 */
public final class ColdPathRun {

    private ColdPathRun() {
    }

    /**
     * @param args optional sample count
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int warmup = 100;
        int visitors = 3 * (samples + warmup);
        try (LyticsSandbox sandbox = LyticsSandbox.start(SandboxOptions.defaults())) {
            AdminHttp http = new AdminHttp(sandbox.baseUri(), sandbox.adminToken());
            for (int first = 0; first < visitors; first += 100) {
                StringBuilder sb = new StringBuilder("[");
                for (int i = first; i < Math.min(visitors, first + 100); i++) {
                    sb.append(i > first ? "," : "").append("{\"_uid\":\"").append(Visitors.id(i))
                            .append("\",\"visitct\":\"4\",\"url\":\"www.example.org/articles/").append(i % 20)
                            .append("\",\"_e\":\"pv\"}");
                }
                http.call("POST", "collect/json/default", sb.append(']').toString());
            }
            LyticsFilter filter = new LyticsFilter();
            FilterHost.init(filter, Map.of(
                    "lytics.api.url", sandbox.baseUri().toString(),
                    "lytics.api.token", sandbox.adminToken(),
                    "lytics.recommendations.eager.paths", "/articles/*",
                    "lytics.collect.enabled", "false",
                    "lytics.jmx.enabled", "false"));
            LyticsClient client = LyticsClient.builder().baseUri(sandbox.baseUri()).token(sandbox.adminToken()).build();
            try {
                long[] parallel = new long[samples];
                long[] direct = new long[samples];
                long[] page = new long[samples];
                long[] overhead = new long[samples];
                long[] overheadJdk = new long[samples];
                int known = 0;
                for (int s = -warmup; s < samples; s++) {
                    int n = s + warmup;
                    long c = clientPair(client, Visitors.id(3L * n));
                    long d = directPair(http, Visitors.id(3L * n + 1));
                    long[] p = pageRead(filter, Visitors.id(3L * n + 2));
                    if (s >= 0) {
                        parallel[s] = c;
                        direct[s] = d;
                        page[s] = p[0];
                        overhead[s] = p[0] - c;
                        overheadJdk[s] = p[0] - d;
                        known += (int) p[1];
                    }
                }
                System.out.println("baseline 1, lytics-client, both calls together, until both answered: " + new Percentiles(parallel));
                System.out.println("baseline 2, JDK client, slower of the two calls made one after the other: " + new Percentiles(direct));
                System.out.println("page through the filter, cache miss, both read: " + new Percentiles(page));
                Percentiles diff = new Percentiles(overhead);
                Percentiles diffJdk = new Percentiles(overheadJdk);
                System.out.printf(Locale.ROOT, "page minus baseline 1 (paired): p50=%.3f ms p90=%.3f ms (target <= 2 ms); "
                        + "page minus baseline 2: p50=%.3f ms p90=%.3f ms; pages with status KNOWN: %d of %d%n",
                        diff.at(50) / 1e6, diff.at(90) / 1e6, diffJdk.at(50) / 1e6, diffJdk.at(90) / 1e6, known, samples);
            } finally {
                client.close();
                filter.destroy();
            }
        }
    }

    /**
     * The filter's two calls for the visitor (same queries: entity by {@code _uids} without meta,
     * recommendations with the default limit 5), started together; ns until both answered.
     */
    private static long clientPair(LyticsClient client, String visitor) {
        Duration timeout = Duration.ofSeconds(5);
        long t0 = System.nanoTime();
        CompletableFuture<?> entity = client.entities().getAsync(EntityQuery.by("_uids", visitor).meta(false), timeout)
                .toCompletableFuture();
        CompletableFuture<?> recs = client.content().recommendForUserAsync("_uids", visitor,
                RecommendationQuery.defaults().limit(5), timeout).toCompletableFuture();
        CompletableFuture.allOf(entity, recs).join();
        return System.nanoTime() - t0;
    }

    /** Both calls for the visitor, one after the other; returns the slower one's time in ns. */
    private static long directPair(AdminHttp http, String visitor) throws IOException {
        long t0 = System.nanoTime();
        http.call("GET", "api/entity/user/_uids/" + visitor, null);
        long t1 = System.nanoTime();
        http.call("GET", "api/content/recommend/user/_uids/" + visitor + "?limit=5", null);
        long t2 = System.nanoTime();
        return Math.max(t1 - t0, t2 - t1);
    }

    /** The page: filter, then the profile and the recommendations; returns {ns, 1 if KNOWN}. */
    private static long[] pageRead(LyticsFilter filter, String visitor) throws Exception {
        FakeRequest req = Visitors.pageRequest(visitor, "/articles/green-tea");
        FakeResponse res = new FakeResponse();
        long t0 = System.nanoTime();
        filter.doFilter(req, res, (q, r) -> {
            LyticsContext lytics = LyticsContext.of(q);
            lytics.getStatus();
            lytics.getRecommendations();
        });
        long elapsed = System.nanoTime() - t0;
        return new long[] {elapsed, LyticsContext.of(req).getStatus() == ProfileStatus.KNOWN ? 1 : 0};
    }
}
