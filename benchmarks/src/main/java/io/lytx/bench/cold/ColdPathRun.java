package io.lytx.bench.cold;

import io.lytx.bench.servlet.FakeRequest;
import io.lytx.bench.servlet.FakeResponse;
import io.lytx.bench.servlet.FilterHost;
import io.lytx.bench.support.AdminHttp;
import io.lytx.bench.support.Percentiles;
import io.lytx.bench.support.Visitors;
import io.lytx.sandbox.LyticsSandbox;
import io.lytx.sandbox.SandboxOptions;
import io.lytx.servlet.LyticsContext;
import io.lytx.servlet.LyticsFilter;
import io.lytx.servlet.profile.ProfileStatus;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/**
 * Cold path: a page of a visitor whose profile is not cached, that reads both the profile and the
 * recommendations, through the real filter (recommendations started eagerly on {@code /articles/*},
 * so that both upstream calls run in parallel), against the sandbox's own response times for the
 * same two calls made directly (JDK HTTP/1.1 client, sequentially, same kind of visitor).
 * Target: page wait ≤ the slower of the two direct calls + 2 ms.
 *
 * <p>Samples alternate: direct pair for visitor {@code a}, then the page for visitor {@code b}, so
 * both see the same machine conditions. Every visitor is new to the filter (a cache miss) and has
 * a profile in the sandbox.
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
        int visitors = 2 * (samples + warmup);
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
            try {
                long[] direct = new long[samples];
                long[] page = new long[samples];
                long[] overhead = new long[samples];
                int known = 0;
                for (int s = -warmup; s < samples; s++) {
                    int n = s + warmup;
                    long d = directPair(http, Visitors.id(2L * n));
                    long[] p = pageRead(filter, Visitors.id(2L * n + 1));
                    if (s >= 0) {
                        direct[s] = d;
                        page[s] = p[0];
                        overhead[s] = p[0] - d;
                        known += (int) p[1];
                    }
                }
                System.out.println("direct, slower of the two calls: " + new Percentiles(direct));
                System.out.println("page through the filter, cache miss, both read: " + new Percentiles(page));
                Percentiles diff = new Percentiles(overhead);
                System.out.printf(Locale.ROOT, "page minus slower direct call (paired): p50=%.3f ms p90=%.3f ms (target <= 2 ms); "
                        + "pages with status KNOWN: %d of %d%n", diff.at(50) / 1e6, diff.at(90) / 1e6, known, samples);
            } finally {
                filter.destroy();
            }
        }
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
