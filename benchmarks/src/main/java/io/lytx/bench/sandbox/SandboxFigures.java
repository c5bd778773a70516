package io.lytx.bench.sandbox;

import io.lytx.bench.support.AdminHttp;
import io.lytx.bench.support.Percentiles;
import io.lytx.bench.support.Visitors;
import io.lytx.sandbox.LyticsSandbox;
import io.lytx.sandbox.SandboxOptions;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sandbox's own figures (issue 3), over HTTP on loopback with the JDK's HTTP/1.1 client:
 * <ol>
 *   <li>collect ingestion: {@code profiles} events (one per new visitor) in batches of 100 posted
 *       to {@code /collect/json/default} by {@code posters} threads: events per second;</li>
 *   <li>entity lookup latency over those profiles: sequential {@code GET /api/entity/user/_uids/{id}}
 *       of random visitors after a warm-up: p50/p99 (client time, loopback included);</li>
 *   <li>re-evaluating all saved segments over all profiles: {@code GET /api/segment/sizes}, timed
 *       five times.</li>
 * </ol>
 * Goals: ≥ 50,000 events/s, entity p99 ≤ 2 ms.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.lytx.bench.sandbox.SandboxFigures [profiles] [posters] [lookups]}
 * (defaults 100000, 2, 20000). The sandbox runs in the same JVM (in memory, demo data on). The
 * whole workload first runs once on a throwaway sandbox (warm-up, not reported), then again on a
 * fresh one, which is measured; {@code -Dbench.sandbox.cold=true} skips the warm-up round.
 */
public final class SandboxFigures {

    private static final int BATCH = 100;

    private SandboxFigures() {
    }

    /**
     * @param args optional profile count, poster threads, lookups
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        int profiles = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int posters = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int lookups = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        boolean warm = !Boolean.getBoolean("bench.sandbox.cold");
        if (warm) {
            // warm-up round, not reported: the same workload on a throwaway sandbox in this JVM, so that
            // the measured round runs compiled code (on 2 cores the JIT otherwise takes one core for ~30 s)
            try (LyticsSandbox sandbox = LyticsSandbox.start(options(profiles))) {
                AdminHttp http = new AdminHttp(sandbox.baseUri(), sandbox.adminToken());
                ingest(http, profiles, posters, false);
                lookups(http, profiles, lookups, false);
                segments(http, false);
            }
        }
        System.out.println(warm ? "measured round (after one warm-up round of the same workload on a throwaway sandbox):"
                : "measured round (cold JVM: -Dbench.sandbox.cold=true):");
        try (LyticsSandbox sandbox = LyticsSandbox.start(options(profiles))) {
            AdminHttp http = new AdminHttp(sandbox.baseUri(), sandbox.adminToken());
            ingest(http, profiles, posters, true);
            lookups(http, profiles, lookups, true);
            segments(http, true);
        }
    }

    /**
     * The sandbox's defaults (demo data included) with room for {@code profiles} new visitors besides the
     * demo people: its default bound (100,000 profiles) would refuse the last batches of a 100,000 run.
     */
    private static SandboxOptions options(int profiles) {
        return SandboxOptions.defaults().withMaxProfiles(profiles + 10_000);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String batch(int first) {
        StringBuilder sb = new StringBuilder(BATCH * 160).append('[');
        for (int i = first; i < first + BATCH; i++) {
            if (i > first) {
                sb.append(',');
            }
            sb.append("{\"_uid\":\"").append(Visitors.id(i)).append("\",\"plan\":\"").append(i % 12 == 0 ? "pro" : "free")
                    .append("\",\"country\":\"").append(i % 4 == 0 ? "US" : "FR").append('"');
            if (i % 3 == 0) {
                sb.append(",\"email\":\"user").append(i).append("@example.org\"");
            }
            sb.append(",\"url\":\"www.example.org/articles/").append(i % 50).append("\",\"_e\":\"pv\"}");
        }
        return sb.append(']').toString();
    }

    private static void ingest(AdminHttp http, int profiles, int posters, boolean report) throws Exception {
        int batches = profiles / BATCH;
        List<String> bodies = new ArrayList<>(batches);
        for (int b = 0; b < batches; b++) {
            bodies.add(batch(b * BATCH));
        }
        // warm-up: 50 dry-run batches (parsed and validated, nothing stored), not counted
        for (int b = 0; b < 50; b++) {
            http.call("POST", "collect/json/default?dryrun=true", bodies.get(b % bodies.size()));
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(posters);
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        List<Future<Integer>> done = new ArrayList<>();
        for (int t = 0; t < posters; t++) {
            done.add(pool.submit(() -> {
                int sent = 0;
                int b;
                while ((b = next.getAndIncrement()) < batches) {
                    http.call("POST", "collect/json/default", bodies.get(b));
                    sent += BATCH;
                }
                return sent;
            }));
        }
        long events = 0;
        try {
            for (Future<Integer> f : done) {
                events += f.get(10, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow(); // a failed batch must not leave the posters keeping the JVM alive
        }
        long nanos = System.nanoTime() - start;
        long cpu = processCpuNanos() - cpuStart;
        if (!report) {
            return;
        }
        System.out.printf(Locale.ROOT, "ingest: %d events in batches of %d by %d threads in %.2f s = %.0f events/s (goal >= 50000)%n",
                events, BATCH, posters, nanos / 1e9, events / (nanos / 1e9));
        System.out.printf(Locale.ROOT, "ingest: process CPU %.2f s (%.0f %% of the 2 cores), %.1f us per event (sandbox and posting client)%n",
                cpu / 1e9, 100.0 * cpu / nanos / Runtime.getRuntime().availableProcessors(), cpu / 1e3 / events);
    }

    private static void lookups(AdminHttp http, int profiles, int lookups, boolean report) throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 2_000; i++) {
            lookup(http, random.nextInt(profiles));
        }
        long[] nanos = new long[lookups];
        for (int i = 0; i < lookups; i++) {
            int id = random.nextInt(profiles);
            long t0 = System.nanoTime();
            lookup(http, id);
            nanos[i] = System.nanoTime() - t0;
        }
        if (!report) {
            return;
        }
        System.out.println("entity lookup over " + profiles + " profiles, sequential: " + new Percentiles(nanos)
                + " (goal p99 <= 2 ms)");
    }

    private static void lookup(AdminHttp http, int visitor) throws IOException {
        HttpResponse<String> r = http.send("GET", "api/entity/user/_uids/" + Visitors.id(visitor), null);
        if (r.statusCode() != 200 || !r.body().contains("\"message\":\"success\"")) {
            throw new IOException("lookup of visitor " + visitor + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    private static void segments(AdminHttp http, boolean report) throws IOException {
        long[] nanos = new long[5];
        String first = null;
        for (int i = 0; i < nanos.length; i++) {
            long t0 = System.nanoTime();
            String body = http.call("GET", "api/segment/sizes", null);
            nanos[i] = System.nanoTime() - t0;
            if (first == null) {
                first = body;
            }
        }
        if (!report) {
            return;
        }
        int segments = first.split("\"slug_name\"", -1).length - 1;
        System.out.println("segment re-evaluation (GET /api/segment/sizes, " + segments + " segments): "
                + new Percentiles(nanos));
        System.out.println("sizes: " + (first.length() > 1500 ? first.substring(0, 1500) + "..." : first));
    }
}
