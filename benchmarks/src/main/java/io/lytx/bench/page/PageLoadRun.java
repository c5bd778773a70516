package io.lytx.bench.page;

import io.lytx.bench.forward.SinkLauncher;
import io.lytx.bench.sink.StubUpstream;
import io.lytx.bench.support.OutputDir;
import io.lytx.bench.support.Plot;
import io.lytx.bench.support.Visitors;
import io.lytx.servlet.internal.collect.CollectorMetrics;
import io.lytx.servlet.internal.runtime.LyticsRuntime;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whole-page figures against an embedded Jetty serving a 4 KB page behind the real filter:
 * <ul>
 *   <li>{@code throughput}: with {@code wrk}, plugin enabled vs disabled (same build, same JVM,
 *       alternating runs, same wrk settings); a returning visitor (one cookie, warm cache); the
 *       upstream is the stub sink in a child JVM (profile lookups and event batches). Diagnostic.</li>
 *   <li>{@code hung} (issue 20, figure 4): the upstream answers at first (an in-process stub behind
 *       {@link HangingUpstream}) and begins to hang during the measured run: every request is timed
 *       from the moment the hang begins ({@link TimedLoad}, each request a returning visitor not in
 *       cache), through the seconds before the breaker opens and after. Reports the latency before
 *       the hang, in the first 10 s of it and after (mean, p50, p99, max), second by second, and
 *       writes {@code 7b-upstream-hung.png} (each request's latency against its send time since the
 *       hang began, up to 20 s after it, with the budget). Target: max ≤ budget + 50 ms, p99 ≤ budget + 20 ms, in both
 *       windows. Arguments: seconds after the hang (default 60), warm-up seconds (default 20);
 *       {@code -Dbench.hung.connections=N} (default 32).</li>
 *   <li>{@code hung-open}: the method until 2026-12-07: the upstream hangs from the start, wrk runs
 *       alternate on and off after a warm-up during which the breaker opened; on/off throughput.</li>
 *   <li>{@code dead} (figure 5): the upstream refuses connections; new visitors with wrk for
 *       {@code seconds}; every 10 s a full collection ({@link MemoryMXBean#gc()}) and the live heap
 *       after it; at the end pages sent (wrk) against the plugin's own counts (pages, events queued,
 *       dropped, failed, still queued). Run this JVM with {@code -Xmx256m}. Writes
 *       {@code 7c-dead-upstream.png} (live heap over the run). Target: flat (± 5 % of the median of
 *       the samples under load), every drop counted.</li>
 * </ul>
 * Run: {@code java -cp benchmarks/target/benchmarks.jar io.lytx.bench.page.PageLoadRun throughput|hung|hung-open|dead [seconds] [rounds] [pin]}
 * (defaults 10 s per run, 3 rounds; dead: 120 s). wrk: 2 threads, 32 connections, loopback only;
 * wrk shares the 2 cores with the server, unless {@code pin} is given and this JVM runs under
 * {@code taskset -c 0}: then wrk and the stub upstream run on CPU 1. Plots go to the directory of
 * {@code -Dbench.out} (see {@link OutputDir}).
 */
public final class PageLoadRun {

    /** CPUs for wrk and the stub upstream ({@code pin}), or null. */
    private static String loadCpus;

    private PageLoadRun() {
    }

    /**
     * @param args mode, optional seconds per run and rounds
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "throughput";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : mode.equals("dead") ? 120 : 10;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        // "pin": the caller runs this JVM (the server) under `taskset -c 0`; wrk and the stub go to CPU 1
        loadCpus = args.length > 3 && "pin".equals(args[3]) ? "1" : null;
        switch (mode) {
            case "throughput" -> {
                try (SinkLauncher sink = SinkLauncher.start(loadCpus)) {
                    alternate(sink.baseUri(), seconds, rounds, Visitors.id(4242));
                }
            }
            case "hung" -> hung(args.length > 1 ? seconds : 60, args.length > 2 ? rounds : 20);
            case "hung-open" -> {
                try (HangingUpstream hung = new HangingUpstream()) {
                    alternate(hung.baseUri(), seconds, rounds, null);
                    System.out.println("hung upstream: connections accepted " + hung.connections());
                }
            }
            case "dead" -> dead(seconds);
            default -> throw new IllegalArgumentException("mode must be throughput, hung, hung-open or dead: " + mode);
        }
    }

    private static void alternate(URI upstream, int seconds, int rounds, String fixedVisitor) throws Exception {
        try (PageServer off = new PageServer(false, upstream, Map.of());
             PageServer on = new PageServer(true, upstream, Map.of())) {
            if (fixedVisitor != null) {
                warm(on.pageUri(), fixedVisitor);
            }
            // JIT warm-up of both, not counted
            Wrk.run(off.pageUri(), 2, 32, Math.max(3, seconds / 2), fixedVisitor, null, loadCpus);
            Wrk.run(on.pageUri(), 2, 32, Math.max(3, seconds / 2), fixedVisitor, null, loadCpus);
            double sumOn = 0;
            double sumOff = 0;
            for (int r = 1; r <= rounds; r++) {
                boolean onFirst = r % 2 == 0;
                for (int k = 0; k < 2; k++) {
                    boolean isOn = (k == 0) == onFirst;
                    Wrk.Result result = Wrk.run((isOn ? on : off).pageUri(), 2, 32, seconds, fixedVisitor, null, loadCpus);
                    if (isOn) {
                        sumOn += result.requestsPerSecond();
                    } else {
                        sumOff += result.requestsPerSecond();
                    }
                    System.out.println("round " + r + " plugin " + (isOn ? "on " : "off") + ": " + result);
                }
            }
            System.out.printf(Locale.ROOT, "throughput on/off = %.3f (mean of %d rounds)%n", sumOn / sumOff, rounds);
            LyticsRuntime rt = on.runtime();
            if (rt != null) {
                System.out.println("plugin on, profiles: " + rt.profiles().metrics());
                System.out.println("plugin on, collector: " + rt.collector().metrics());
            }
        }
    }

    private static void warm(URI page, String visitor) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(page).header("Accept", "text/html")
                .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0.0.0")
                .header("Cookie", "seerid=" + visitor).build();
        for (int i = 0; i < 300; i++) { // up to ~30 s: a cold first lookup may time out and open the breaker for 5 s
            String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
            if (body.contains("KNOWN")) {
                return;
            }
            Thread.sleep(100); // setup, not measured: let the first lookup land in the cache
        }
        throw new IllegalStateException("the returning visitor's profile never became KNOWN");
    }

    /** The lookup budget the hung run gives the plugin (its default), ms. */
    static final int BUDGET_MS = 150;
    /** The first window of the hang, seconds. */
    static final int FIRST_SECONDS = 10;
    /** The hung run's plot shows the requests sent up to this long after the hang began, seconds. */
    private static final int PLOT_SECONDS = 20;
    /** The hung run sends this long before the hang begins, seconds. */
    private static final int LEAD_SECONDS = 2;

    private static void hung(int seconds, int warmupSeconds) throws Exception {
        int connections = Integer.getInteger("bench.hung.connections", 32);
        try (StubUpstream stub = StubUpstream.start(4);
             HangingUpstream upstream = new HangingUpstream(stub.baseUri());
             PageServer on = new PageServer(true, upstream.baseUri(), Map.of("lytics.budget.ms", String.valueOf(BUDGET_MS)))) {
            TimedLoad load = new TimedLoad(on.pageUri(), connections);
            TimedLoad.Samples warm = load.run(System.nanoTime() + warmupSeconds * 1_000_000_000L);
            System.out.printf(Locale.ROOT, "warm-up, upstream answering: %d requests in %d s, %d errors%n",
                    warm.sentNanos().length, warmupSeconds, warm.errors());
            // a cold JVM's first lookups can outlast the budget and open the breaker: measure only from a
            // healthy state (breaker closed, no lookup timed out in the last 5 s of load), at most 12 more chunks
            for (int chunk = 1; ; chunk++) {
                Map<String, Object> before = on.runtime().metrics().snapshot();
                TimedLoad.Samples more = load.run(System.nanoTime() + 5_000_000_000L);
                Map<String, Object> now = on.runtime().metrics().snapshot();
                boolean healthy = "CLOSED".equals(String.valueOf(now.get("breakerState")))
                        && now.get("upstreamTimeouts").equals(before.get("upstreamTimeouts"))
                        && now.get("upstreamFailures").equals(before.get("upstreamFailures"));
                System.out.printf(Locale.ROOT, "warm-up, 5 s more: %d requests; breaker %s, lookup timeouts %s -> %s%n",
                        more.sentNanos().length, now.get("breakerState"), before.get("upstreamTimeouts"), now.get("upstreamTimeouts"));
                if (healthy) {
                    break;
                }
                if (chunk == 12) {
                    System.out.println("warm-up: the answering upstream still times out; measuring anyway (see the before-the-hang line)");
                    break;
                }
            }
            System.out.println("plugin before the hang: " + on.runtime().metrics().snapshot());
            Thread hanger = new Thread(() -> {
                try {
                    Thread.sleep(LEAD_SECONDS * 1000L); // the load runs this long before the upstream hangs
                    upstream.hang();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "hang-at");
            long start = System.nanoTime();
            hanger.start();
            TimedLoad.Samples run = load.run(start + (LEAD_SECONDS + seconds) * 1_000_000_000L);
            hanger.join();
            HangTimeline timeline = new HangTimeline(run.sentNanos(), run.latencyNanos(), upstream.hungAtNanos());
            System.out.printf(Locale.ROOT, "measured: %d requests (%d connections, each a returning visitor not in cache),"
                    + " %d errors; upstream hung %d s after the start, then %d s more; budget %d ms%n",
                    run.sentNanos().length, connections, run.errors(), LEAD_SECONDS, seconds, BUDGET_MS);
            for (HangTimeline.Window w : timeline.perSecond()) {
                System.out.println("  " + w);
            }
            System.out.println(timeline.before());
            HangTimeline.Window first = timeline.first(FIRST_SECONDS);
            HangTimeline.Window after = timeline.after(FIRST_SECONDS);
            for (HangTimeline.Window w : List.of(first, after)) {
                System.out.printf(Locale.ROOT, "%s; max <= %d ms: %s, p99 <= %d ms: %s%n", w, BUDGET_MS + 50,
                        w.maxMs() <= BUDGET_MS + 50 ? "met" : "NOT met", BUDGET_MS + 20, w.p99Ms() <= BUDGET_MS + 20 ? "met" : "NOT met");
            }
            System.out.println("plugin at the end: " + on.runtime().metrics().snapshot());
            Path png = OutputDir.file("7b-upstream-hung.png");
            double[] at = timeline.secondsSinceHang();
            double[] ms = timeline.latencyMs();
            int[] shown = java.util.stream.IntStream.range(0, at.length).filter(i -> at[i] <= PLOT_SECONDS).toArray();
            new Plot("Page latency around a Lytics hang (each request sent up to " + PLOT_SECONDS + " s after it began; "
                    + connections + " connections)",
                    "time the request was sent, seconds since the upstream began to hang", "page latency (ms)")
                    .scatter("request", java.util.Arrays.stream(shown).mapToDouble(i -> at[i]).toArray(),
                            java.util.Arrays.stream(shown).mapToDouble(i -> ms[i]).toArray())
                    .horizontal("budget " + BUDGET_MS + " ms", BUDGET_MS)
                    .horizontal("budget + 50 ms", BUDGET_MS + 50)
                    .write(png, 1200, 600);
            System.out.println("plot: " + png);
        }
    }

    /**
     * The largest distance of a sample from the samples' median, in percent of the median.
     *
     * @param samples at least one value
     * @return that distance, 0 when all are equal
     */
    static double maxDeviationPercent(List<Double> samples) {
        double median = ExamplePageRun.quantile(samples, 0.5);
        double worst = 0;
        for (double v : samples) {
            worst = Math.max(worst, Math.abs(v - median));
        }
        return worst / median * 100;
    }

    private static void dead(int seconds) throws Exception {
        URI refused = URI.create("http://127.0.0.1:9/");
        long maxHeap = Runtime.getRuntime().maxMemory();
        System.out.printf(Locale.ROOT, "server JVM max heap %.0f MB%s%n", maxHeap / 1048576.0,
                maxHeap > 300L << 20 ? " (the figure asks for -Xmx256m)" : "");
        try (PageServer on = new PageServer(true, refused, Map.of())) {
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            CollectorMetrics metrics = on.runtime().collector().metrics();
            Wrk.Result[] result = new Wrk.Result[1];
            Thread load = new Thread(() -> {
                try {
                    result[0] = Wrk.run(on.pageUri(), 2, 32, seconds, null);
                } catch (Exception e) {
                    System.out.println("wrk failed: " + e);
                }
            }, "wrk-runner");
            List<Double> times = new ArrayList<>();
            List<Double> live = new ArrayList<>();
            List<Double> queued = new ArrayList<>();
            long start = System.nanoTime();
            load.start();
            while (true) {
                double t = (System.nanoTime() - start) / 1e9;
                memory.gc(); // a full collection: what is left is live
                double liveMb = memory.getHeapMemoryUsage().getUsed() / 1048576.0;
                System.out.printf(Locale.ROOT, "t=%5.1fs liveHeapAfterFullGc=%6.1f MB queueDepth=%d queueBytes=%d enqueued=%d dropped=%d failed=%d%n",
                        t, liveMb, metrics.queueDepth(), metrics.queueBytes(), metrics.enqueued(), metrics.dropped(), metrics.failed());
                if (!load.isAlive()) {
                    break;
                }
                times.add(t);
                live.add(liveMb);
                queued.add(metrics.queueBytes() / 1048576.0);
                load.join(10_000);
            }
            // the samples under load: the first (t = 0) is taken before wrk's first request
            List<Double> underLoad = live.size() > 1 ? live.subList(1, live.size()) : live;
            System.out.printf(Locale.ROOT, "live heap after full GC under load: %d samples, mean %.1f MB, median %.1f MB,"
                            + " min %.1f, max %.1f; largest distance from the median %.1f %% (flat = within 5 %%: %s)%n",
                    underLoad.size(), underLoad.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN),
                    ExamplePageRun.quantile(underLoad, 0.5), ExamplePageRun.quantile(underLoad, 0),
                    ExamplePageRun.quantile(underLoad, 1), maxDeviationPercent(underLoad),
                    maxDeviationPercent(underLoad) <= 5 ? "met" : "NOT met");
            if (result[0] == null) {
                throw new IllegalStateException("wrk did not run (see above): no figure");
            }
            Thread.sleep(2_000); // requests still in the server when wrk stopped reach the counters
            Map<String, Object> m = on.runtime().metrics().snapshot();
            long pagesSent = result[0].requests();
            long pages = ((Number) m.get("pages")).longValue();
            long accounted = metrics.enqueued() + metrics.dropped();
            long outcomes = metrics.sent() + metrics.rejected() + metrics.failed() + metrics.queueDepth();
            System.out.println("dead upstream, wrk: " + result[0]);
            System.out.printf(Locale.ROOT, "pages answered to wrk %d (wrk does not count the ones in flight when it stopped);"
                            + " pages the filter saw %d; page views queued %d + dropped %d = %d (%s the filter's pages);"
                            + " of the queued %d: sent %d + rejected %d + failed %d + still queued %d = %d; the other %d are"
                            + " the worker's batch in hand (taken from the queue, retried, not yet failed; at most one batch)%n",
                    pagesSent, pages, metrics.enqueued(), metrics.dropped(), accounted,
                    accounted == pages ? "equals" : "DIFFERS FROM", metrics.enqueued(), metrics.sent(), metrics.rejected(),
                    metrics.failed(), metrics.queueDepth(), outcomes, metrics.enqueued() - outcomes);
            System.out.println("dead upstream, end: " + metrics + "; filter: " + m);
            Path png = OutputDir.file("7c-dead-upstream.png");
            new Plot("Dead upstream: live heap after a full collection (-Xmx" + Math.round(maxHeap / 1048576.0) + "m)",
                    "seconds since the load started", "MB")
                    .line("live heap after full GC", times.stream().mapToDouble(Double::doubleValue).toArray(),
                            live.stream().mapToDouble(Double::doubleValue).toArray())
                    .line("event queue (bytes held)", times.stream().mapToDouble(Double::doubleValue).toArray(),
                            queued.stream().mapToDouble(Double::doubleValue).toArray())
                    .write(png, 1000, 500);
            System.out.println("plot: " + png);
        }
    }
}
