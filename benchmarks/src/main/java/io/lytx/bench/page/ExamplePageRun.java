package io.lytx.bench.page;

import io.lytx.bench.support.ChildJvm;
import io.lytx.bench.support.OutputDir;
import io.lytx.bench.support.Plot;
import io.lytx.bench.support.Visitors;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The example's home page ({@code /}, the JSP with the {@code lytics:} tags) with the plugin on (warm
 * cache: one returning visitor who consented and sends the binding marker the plugin set on its first
 * page, as a browser does) vs the same WAR with {@code lytics.enabled=false}, both
 * deployed in one server JVM ({@link ExampleSite}), measured with {@code wrk} in alternating pairs
 * (on, off; the order alternates) after a warm-up that lasts until both sides' throughput and server
 * CPU per page have settled. Figure (issue 20, 7): the server CPU the plugin adds per page (all the
 * server JVM's threads: request threads, the collector's worker, the JIT, the GC; process CPU time
 * read before and after each run, divided by the pages served), as the median of the pairs'
 * differences; the p99 latency ratio (median of the pairs' ratios); the latency curve of both sides
 * (median over the pairs at each percentile, {@code 7-example-page-latency.png}). At full load a
 * page's latency is mostly its wait behind the others, so the p99 ratio is measured again with the
 * load below capacity: each wrk connection pauses {@value #PACE_MS} ms after each answer (pairs:
 * {@code -Dbench.paced.pairs=N}, default the rounds, at most 10). Then the same
 * page doing about 1 ms of its own CPU work per request ({@link BusyWork}, calibrated at the server's
 * start): throughput ratio, median of the pairs. Pairs, because this machine's speed drifts (the same
 * server, same page, varies by up to 20 % between consecutive 20 s runs) and short pairs see the same
 * drift on both sides. Targets: ≤ 12 µs added, p99 within 10 %; with the page's work ≥ 0.98.
 *
 * <p>The upstream is a real {@code lytics-sandbox} in its own JVM (so the page views the plugin
 * forwards are really ingested). On 2 cores the processes are pinned so that the server's CPU is
 * the server's alone: the server JVM on CPU 0, {@code wrk} and the sandbox on CPU 1 (in production
 * Lytics runs elsewhere). Everything the plugin does (filter, profile cache, event queue, the
 * worker's JSON and HTTP posts) runs in the server JVM and is counted.
 *
 * <p>Run from the reactor root: {@code java -cp benchmarks/target/benchmarks.jar
 * io.lytx.bench.page.ExamplePageRun [seconds per run, default 10] [rounds (pairs), default 3] [pin|nopin]
 * [war path]}; {@code -Dbench.warmup.pairs=N} warms up with at least N pairs (default 3, at most 15
 * unless N is larger); {@code -Dbench.work.pairs=N} pairs of the page with its work (default: rounds);
 * {@code -Dbench.out=DIR} where the plot goes.
 */
public final class ExamplePageRun {

    private static final String TOKEN = "bench-admin-token-0123456789";
    private static final String CONSENT = "example_consent=yes";
    /** wrk's connections (over 2 threads). */
    private static final int CONNECTIONS = 32;
    /**
     * The pause of each connection after each answer in the paced pairs: 32 connections pausing 10 ms
     * ask for at most 3,200 pages a second, about a third of what the server serves on its one core.
     */
    static final int PACE_MS = 10;
    /** The companion cookie in which the plugin keeps the marker that binds {@code seerid} to its person. */
    private static final String BINDING_COOKIE = "seerid_bind";
    private static final int STABLE_PERCENT = 5;
    /** Warm-up pairs at least: {@code -Dbench.warmup.pairs=N} raises it (and the maximum with it) for a longer warm-up. */
    private static final int MIN_WARMUPS = Math.max(3, Integer.getInteger("bench.warmup.pairs", 3));
    private static final int MAX_WARMUPS = Math.max(15, MIN_WARMUPS);

    private ExamplePageRun() {
    }

    /**
     * @param args seconds per run, rounds, pin or nopin, WAR path
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        boolean pin = args.length <= 2 || !"nopin".equals(args[2]);
        String war = args.length > 3 ? args[3] : "webapp-example/target/webapp-example.war";
        String serverCpu = pin ? "0" : null;
        String loadCpu = pin ? "1" : null;
        try (ChildJvm sandbox = ChildJvm.start(loadCpu, List.of("-Xmx1g"), "io.lytx.sandbox.Main",
                List.of("--port", "0", "--token", TOKEN), "Lytics sandbox listening on ")) {
            String upstream = sandbox.readyLine().substring("Lytics sandbox listening on ".length()).strip();
            List<String> siteOptions = new ArrayList<>(List.of("-Xmx1g", "-Dlytics.api.url=" + upstream,
                    "-Dlytics.api.token=" + TOKEN, "-Dlytics.jmx.enabled=false",
                    // the WAR brings its own slf4j-api and backend; the benchmark jar's copies on the server's
                    // class path belong to another class loader and would clash: keep the WAR's logging silent
                    "-Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider"));
            String extra = System.getProperty("bench.site.jvm", "").strip();
            if (!extra.isEmpty()) { // e.g. a profiler: -Dbench.site.jvm=-XX:StartFlightRecording=filename=site.jfr
                siteOptions.addAll(List.of(extra.split("\\s+")));
            }
            try (ChildJvm site = ChildJvm.start(serverCpu, siteOptions,
                    ExampleSite.class.getName(), List.of(war), "EXAMPLE ")) {
                String[] urls = site.readyLine().split(" ");
                URI on = URI.create(urls[1]);
                URI off = URI.create(urls[2]);
                System.out.println("upstream sandbox " + upstream + (pin ? " (CPU 1, with wrk); server JVM on CPU 0" : " (no pinning)"));
                ProcessHandle server = ProcessHandle.of(site.pid())
                        .orElseThrow(() -> new IllegalStateException("the server JVM is gone"));
                seed(URI.create(upstream), Visitors.id(4242));
                run(on, off, seconds, rounds, loadCpu, server);
            }
        }
    }

    /** One side's run of a pair: throughput, latency and the server's CPU per page. */
    record Side(Wrk.Result wrk, double cpuMicrosPerPage) {
    }

    /**
     * Alternating on/off pairs; the order within a pair alternates from pair to pair.
     *
     * @param header a request header for {@link Wrk} (the page's own work), or null
     */
    private static List<Side[]> pairs(URI on, URI off, int seconds, int rounds, Browser visitor, String loadCpu,
                                      ProcessHandle server, String header, String label) throws Exception {
        return pairs(on, off, seconds, rounds, visitor, loadCpu, server, header, 0, label);
    }

    /** As {@link #pairs(URI, URI, int, int, Browser, String, ProcessHandle, String, String)}, each connection pausing {@code pauseMs} after each answer. */
    private static List<Side[]> pairs(URI on, URI off, int seconds, int rounds, Browser visitor, String loadCpu,
                                      ProcessHandle server, String header, int pauseMs, String label) throws Exception {
        List<Side[]> pairs = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            boolean onFirst = r % 2 == 0;
            Side[] pair = new Side[2]; // [on, off]
            for (int k = 0; k < 2; k++) {
                boolean isOn = (k == 0) == onFirst;
                Side side = measure(isOn ? on : off, seconds, visitor, loadCpu, server, header, pauseMs);
                pair[isOn ? 0 : 1] = side;
                System.out.printf(Locale.ROOT, "%s round %d plugin %s: %s, server CPU %.1f µs/page%n", label, r,
                        isOn ? "on " : "off", side.wrk(), side.cpuMicrosPerPage());
            }
            pairs.add(pair);
        }
        return pairs;
    }

    private static Side measure(URI page, int seconds, Browser visitor, String loadCpu, ProcessHandle server, String header)
            throws Exception {
        return measure(page, seconds, visitor, loadCpu, server, header, 0);
    }

    private static Side measure(URI page, int seconds, Browser visitor, String loadCpu, ProcessHandle server, String header,
                                int pauseMs) throws Exception {
        long cpuBefore = cpuNanos(server);
        Wrk.Result result = Wrk.run(page, 2, CONNECTIONS, seconds, visitor.id(), visitor.otherCookies(), loadCpu, header,
                pauseMs);
        double cpuPerPage = (cpuNanos(server) - cpuBefore) / 1000.0 / Math.max(1, result.requests());
        if (result.errors() > 0) {
            throw new IllegalStateException("errors during the run: " + result);
        }
        return new Side(result, cpuPerPage);
    }

    /**
     * The pairs' differences on minus off of one figure, in pair order.
     *
     * @param pairs  pairs of [on, off]
     * @param figure the figure of one side
     * @return on − off per pair
     */
    static List<Double> differences(List<Side[]> pairs, java.util.function.ToDoubleFunction<Side> figure) {
        return pairs.stream().map(p -> figure.applyAsDouble(p[0]) - figure.applyAsDouble(p[1])).toList();
    }

    /**
     * The pairs' ratios on / off of one figure, in pair order.
     *
     * @param pairs  pairs of [on, off]
     * @param figure the figure of one side
     * @return on / off per pair
     */
    static List<Double> ratios(List<Side[]> pairs, java.util.function.ToDoubleFunction<Side> figure) {
        return pairs.stream().map(p -> figure.applyAsDouble(p[0]) / figure.applyAsDouble(p[1])).toList();
    }

    /**
     * The latency curve of one side over the pairs: at each percentile of {@link Wrk#CURVE}, the median of
     * the pairs' values (pairs whose run gave no curve are left out).
     *
     * @param pairs pairs of [on, off]
     * @param side  0 for on, 1 for off
     * @return one value per percentile, ms; empty when no run gave a curve
     */
    static double[] medianCurve(List<Side[]> pairs, int side) {
        List<double[]> curves = pairs.stream().map(p -> p[side].wrk().curveMs()).filter(c -> c.length > 0).toList();
        if (curves.isEmpty()) {
            return new double[0];
        }
        double[] out = new double[curves.get(0).length];
        for (int i = 0; i < out.length; i++) {
            int at = i;
            out[i] = median(curves.stream().map(c -> c[at]).toList());
        }
        return out;
    }

    private static String spread(List<Double> values, String format) {
        return String.format(Locale.ROOT, "median " + format + " (mean " + format + "; middle half " + format + " to "
                        + format + ", range " + format + " to " + format + ")",
                median(values), values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN),
                quantile(values, 0.25), quantile(values, 0.75), quantile(values, 0), quantile(values, 1));
    }

    private static void run(URI on, URI off, int seconds, int rounds, String loadCpu, ProcessHandle server)
            throws Exception {
        Browser visitor = Browser.firstVisit(on, Visitors.id(4242));
        System.out.println("returning visitor's cookies: seerid=" + visitor.id() + "; " + visitor.otherCookies());
        warm(on, visitor);
        expect(off, visitor, "status-unavailable");
        warmUp(on, off, visitor, loadCpu, server, null);
        List<Side[]> pairs = pairs(on, off, seconds, rounds, visitor, loadCpu, server, null, "plain page");
        expect(on, visitor, "status-known");
        List<Double> throughput = ratios(pairs, s -> s.wrk().requestsPerSecond());
        List<Double> p99 = ratios(pairs, s -> s.wrk().p99Ms());
        List<Double> addedCpu = differences(pairs, Side::cpuMicrosPerPage);
        double added = median(addedCpu);
        double p99Ratio = median(p99);
        System.out.println("example home page, " + rounds + " pairs of " + seconds + " s:");
        System.out.println("  server CPU added by the plugin per page (all threads; on - off of each pair), µs: "
                + spread(addedCpu, "%.1f") + String.format(Locale.ROOT, "; target <= 12 µs: %s", added <= 12 ? "met" : "NOT met"));
        System.out.println("  server CPU per page, µs: on " + spread(pairs.stream().map(p -> p[0].cpuMicrosPerPage()).toList(), "%.1f")
                + "; off " + spread(pairs.stream().map(p -> p[1].cpuMicrosPerPage()).toList(), "%.1f"));
        System.out.println("  p99 latency on/off at full load (each pair's ratio): " + spread(p99, "%.3f")
                + String.format(Locale.ROOT, "; target within 10 %%: %s", p99Ratio <= 1.10 ? "met" : "NOT met"));
        System.out.println("  throughput on/off (each pair's ratio): " + spread(throughput, "%.3f"));
        double[] curveOn = medianCurve(pairs, 0);
        double[] curveOff = medianCurve(pairs, 1);
        if (curveOn.length > 0 && curveOff.length > 0) {
            System.out.println("  latency curve (median over the pairs at each percentile), ms: percentile on off");
            double[] nines = new double[Wrk.CURVE.length - 1];
            for (int i = 0; i < Wrk.CURVE.length; i++) {
                System.out.printf(Locale.ROOT, "    p%s %.3f %.3f%n", java.math.BigDecimal.valueOf(Wrk.CURVE[i])
                        .stripTrailingZeros().toPlainString(), curveOn[i], curveOff[i]);
                if (i < nines.length) {
                    nines[i] = -Math.log10(1 - Wrk.CURVE[i] / 100);
                }
            }
            Path png = OutputDir.file("7-example-page-latency.png");
            new Plot("Example home page latency, plugin on vs off (median of " + rounds + " pairs at each percentile)",
                    "percentile, in nines: 1 = p90, 2 = p99, 3 = p99.9, 4 = p99.99", "page latency (ms)")
                    .line("plugin on", nines, Arrays.copyOf(curveOn, nines.length))
                    .line("plugin off", nines, Arrays.copyOf(curveOff, nines.length))
                    .write(png, 1000, 550);
            System.out.println("  plot: " + png);
        }

        // the same page at a steady load below capacity: latency without the queueing of a saturated server
        int pacedPairs = Integer.getInteger("bench.paced.pairs", Math.min(rounds, 10));
        List<Side[]> paced = pairs(on, off, seconds, pacedPairs, visitor, loadCpu, server, null, PACE_MS, "paced page");
        List<Double> pacedP99 = ratios(paced, s -> s.wrk().p99Ms());
        System.out.println("the same page below capacity (each of the " + CONNECTIONS + " connections pauses " + PACE_MS
                + " ms after each answer), " + pacedPairs + " pairs of " + seconds + " s:");
        System.out.println("  p99 latency on/off (each pair's ratio): " + spread(pacedP99, "%.3f")
                + String.format(Locale.ROOT, "; target within 10 %%: %s", median(pacedP99) <= 1.10 ? "met" : "NOT met"));
        System.out.println("  p50 latency on/off (each pair's ratio): " + spread(ratios(paced, s -> s.wrk().p50Ms()), "%.3f"));
        System.out.println("  p99 latency, ms: on " + spread(paced.stream().map(p -> p[0].wrk().p99Ms()).toList(), "%.3f")
                + "; off " + spread(paced.stream().map(p -> p[1].wrk().p99Ms()).toList(), "%.3f"));
        System.out.println("  pages/s (set by the pace): on " + spread(paced.stream().map(p -> p[0].wrk().requestsPerSecond()).toList(), "%.0f")
                + "; off " + spread(paced.stream().map(p -> p[1].wrk().requestsPerSecond()).toList(), "%.0f"));

        // the same page doing its own work first, about 1 ms of CPU per request (BusyWork in the server)
        int workPairs = Integer.getInteger("bench.work.pairs", rounds);
        for (int w = 1; w <= 2; w++) { // warm-up of the page with its work, not counted
            measure(off, 10, visitor, loadCpu, server, BusyWork.HEADER);
            measure(on, 10, visitor, loadCpu, server, BusyWork.HEADER);
        }
        List<Side[]> busy = pairs(on, off, seconds, workPairs, visitor, loadCpu, server, BusyWork.HEADER, "page + 1 ms");
        List<Double> busyThroughput = ratios(busy, s -> s.wrk().requestsPerSecond());
        System.out.println("page doing ~1 ms of its own work, " + workPairs + " pairs of " + seconds + " s:");
        System.out.println("  throughput on/off (each pair's ratio): " + spread(busyThroughput, "%.3f")
                + String.format(Locale.ROOT, "; target >= 0.98: %s", median(busyThroughput) >= 0.98 ? "met" : "NOT met"));
        System.out.println("  server CPU added per page, µs: " + spread(differences(busy, Side::cpuMicrosPerPage), "%.1f")
                + "; off side " + spread(busy.stream().map(p -> p[1].cpuMicrosPerPage()).toList(), "%.1f"));
    }

    /** The value at that fraction of the sorted list (0 the smallest, 1 the largest), interpolated; 0 when empty. */
    static double quantile(List<Double> values, double fraction) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        if (n == 0) {
            return 0;
        }
        double at = fraction * (n - 1);
        int below = (int) Math.floor(at);
        int above = Math.min(n - 1, below + 1);
        return sorted.get(below) + (sorted.get(above) - sorted.get(below)) * (at - below);
    }

    /** CPU time of the server process so far (user + system, all threads), or 0 where the OS does not tell. */
    private static long cpuNanos(ProcessHandle server) {
        return server.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    private static double median(List<Double> values) {
        return quantile(values, 0.5);
    }

    /**
     * Warm-up, not counted: on one core the JIT needs a minute or more for the JSP, EL and tag code of
     * both contexts (throughput stays at a quarter of its final value, then jumps). Alternating 10 s
     * runs until each side's last two runs are within {@value #STABLE_PERCENT} % of each other in
     * throughput and in server CPU per page (at least 3 pairs, at most 15, or {@code bench.warmup.pairs}
     * pairs when that is larger).
     */
    private static void warmUp(URI on, URI off, Browser visitor, String loadCpu, ProcessHandle server, String header)
            throws Exception {
        Side lastOn = null;
        Side lastOff = null;
        for (int w = 1; w <= MAX_WARMUPS; w++) {
            Side sOff = measure(off, 10, visitor, loadCpu, server, header);
            Side sOn = measure(on, 10, visitor, loadCpu, server, header);
            System.out.printf(Locale.ROOT, "warm-up %d: off %.0f req/s %.1f µs/page, on %.0f req/s %.1f µs/page%n", w,
                    sOff.wrk().requestsPerSecond(), sOff.cpuMicrosPerPage(), sOn.wrk().requestsPerSecond(), sOn.cpuMicrosPerPage());
            if (w >= MIN_WARMUPS && settled(sOn, lastOn) && settled(sOff, lastOff)) {
                return;
            }
            lastOn = sOn;
            lastOff = sOff;
        }
        System.out.println("warm-up: not stable after " + MAX_WARMUPS + " pairs; measuring anyway");
    }

    private static boolean settled(Side now, Side before) {
        return before != null && close(now.wrk().requestsPerSecond(), before.wrk().requestsPerSecond())
                && close(now.cpuMicrosPerPage(), before.cpuMicrosPerPage());
    }

    private static boolean close(double a, double b) {
        return b > 0 && Math.abs(a - b) <= b * STABLE_PERCENT / 100.0;
    }

    /**
     * A returning browser: its visitor id and the other cookies it sends with every page (the binding
     * marker the plugin set on its first visit, and the example's consent).
     *
     * @param id           the {@code seerid} value
     * @param otherCookies the rest of its {@code Cookie} header
     */
    record Browser(String id, String otherCookies) {

        /**
         * The first page of a visitor whose id the Lytics tag set (no marker yet): the plugin answers with
         * the marker that binds the id to this anonymous visitor, which a browser keeps and sends from then
         * on. Without it every page would be that first one (a MAC and a {@code Set-Cookie} each time),
         * which is not what a returning visitor costs.
         *
         * @param page  the plugin's page
         * @param id    the visitor id
         * @return the browser after that page
         * @throws IllegalStateException if the page sets no marker
         */
        static Browser firstVisit(URI page, String id) throws Exception {
            HttpResponse<String> first = get(page, new Browser(id, CONSENT));
            String marker = first.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith(BINDING_COOKIE + "="))
                    .map(c -> c.substring(BINDING_COOKIE.length() + 1).split(";", 2)[0])
                    .findFirst().orElseThrow(() -> new IllegalStateException(page + " set no " + BINDING_COOKIE
                            + " cookie: " + first.headers().allValues("Set-Cookie")));
            return new Browser(id, BINDING_COOKIE + "=" + marker + "; " + CONSENT);
        }
    }

    private static HttpResponse<String> get(URI page, Browser visitor) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(page).header("Accept", "text/html")
                .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0.0.0")
                .header("Cookie", "seerid=" + visitor.id() + "; " + visitor.otherCookies()).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(page + " answered " + response.statusCode());
        }
        return response;
    }

    /**
     * Gives the visitor a profile in the sandbox before the first page (with forwarding on, the first
     * page view would do it; with {@code -Dbench.site.jvm=-Dlytics.collect.enabled=false} nothing else would).
     */
    private static void seed(URI upstream, String visitor) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(upstream.resolve("/collect/json/default"))
                .header("Authorization", TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"_uid\":\"" + visitor + "\",\"_e\":\"pv\",\"url\":\"example.org/\"}"))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the sandbox refused the seed event: " + response.statusCode() + " " + response.body());
        }
    }

    /** Until the visitor shows as known; then the page must set no cookie (a steady returning visitor). */
    private static void warm(URI page, Browser visitor) throws Exception {
        for (int i = 0; i < 300; i++) { // up to ~30 s: the seeded profile must reach the plugin's cache
            HttpResponse<String> response = get(page, visitor);
            if (response.body().contains("id=\"status-known\"")) {
                List<String> set = response.headers().allValues("Set-Cookie");
                if (!set.isEmpty()) {
                    throw new IllegalStateException("a returning visitor with its marker got Set-Cookie " + set);
                }
                return;
            }
            Thread.sleep(100); // set-up, not measured
        }
        throw new IllegalStateException("the returning visitor never showed as known on " + page);
    }

    private static void expect(URI page, Browser visitor, String marker) throws Exception {
        if (!get(page, visitor).body().contains("id=\"" + marker + "\"")) {
            throw new IllegalStateException(page + " did not show " + marker);
        }
    }
}
