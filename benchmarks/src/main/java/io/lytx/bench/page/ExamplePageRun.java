package io.lytx.bench.page;

import io.lytx.bench.support.ChildJvm;
import io.lytx.bench.support.Visitors;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Issue 7's page throughput: the example's home page ({@code /}, the JSP with the {@code lytics:}
 * tags) with the plugin on (warm cache: one returning visitor who consented) vs the same WAR with
 * {@code lytics.enabled=false}, both deployed in one server JVM ({@link ExampleSite}), measured with
 * {@code wrk} in alternating rounds after a warm-up of each. Each round is a pair (on, off; the order
 * alternates) and gives a ratio; the figure is the median of the pairs' ratios, because this
 * machine's speed drifts (the same server, same page, varies by up to 20 % between consecutive 20 s
 * runs) and short pairs see the same drift on both sides. Each run also reports the server JVM's CPU
 * time per page (all its threads: request threads, the collector's worker, the JIT, the GC).
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
 * unless N is larger). Target: on/off ≥ 0.95 and p99 within 10 %.
 */
public final class ExamplePageRun {

    private static final String TOKEN = "bench-admin-token-0123456789";
    private static final String CONSENT = "example_consent=yes";
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

    private static void run(URI on, URI off, int seconds, int rounds, String loadCpu, ProcessHandle server)
            throws Exception {
        String visitor = Visitors.id(4242);
        warm(on, visitor);
        expect(off, visitor, "status-unavailable");
        warmUp(on, off, visitor, loadCpu);
        List<Double> ratios = new ArrayList<>();
        List<Double> cpuOn = new ArrayList<>();
        List<Double> cpuOff = new ArrayList<>();
        List<Double> cpuRatios = new ArrayList<>();
        double sumOn = 0;
        double sumOff = 0;
        double p99On = 0;
        double p99Off = 0;
        for (int r = 1; r <= rounds; r++) {
            boolean onFirst = r % 2 == 0;
            double rpsOn = 0;
            double rpsOff = 0;
            for (int k = 0; k < 2; k++) {
                boolean isOn = (k == 0) == onFirst;
                long cpuBefore = cpuNanos(server);
                Wrk.Result result = Wrk.run(isOn ? on : off, 2, 32, seconds, visitor, CONSENT, loadCpu);
                double cpuPerPage = (cpuNanos(server) - cpuBefore) / 1000.0 / Math.max(1, result.requests());
                if (result.errors() > 0) {
                    throw new IllegalStateException("errors during the run: " + result);
                }
                if (isOn) {
                    rpsOn = result.requestsPerSecond();
                    sumOn += rpsOn;
                    p99On += result.p99Ms();
                    cpuOn.add(cpuPerPage);
                } else {
                    rpsOff = result.requestsPerSecond();
                    sumOff += rpsOff;
                    p99Off += result.p99Ms();
                    cpuOff.add(cpuPerPage);
                }
                System.out.printf(Locale.ROOT, "round %d plugin %s: %s, server CPU %.1f µs/page%n", r,
                        isOn ? "on " : "off", result, cpuPerPage);
            }
            ratios.add(rpsOn / rpsOff);
            cpuRatios.add(cpuOn.get(cpuOn.size() - 1) / cpuOff.get(cpuOff.size() - 1));
        }
        expect(on, visitor, "status-known");
        System.out.printf(Locale.ROOT, "example home page: throughput on/off = %.3f (median of %d pairs; middle half"
                        + " %.3f-%.3f, range %.3f-%.3f), %.3f (ratio of means); p99 on/off = %.3f (means)%n",
                median(ratios), rounds, quantile(ratios, 0.25), quantile(ratios, 0.75),
                quantile(ratios, 0), quantile(ratios, 1), sumOn / sumOff, p99On / p99Off);
        System.out.printf(Locale.ROOT, "server CPU per page (medians): on %.1f µs, off %.1f µs, added by the plugin %.1f µs;"
                        + " on/off %.3f (median of the pairs' ratios)%n",
                median(cpuOn), median(cpuOff), median(cpuOn) - median(cpuOff), median(cpuRatios));
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
     * runs until each side's last two runs are within {@value #STABLE_PERCENT} % of each other (at
     * least 3 pairs, at most 15, or {@code bench.warmup.pairs} pairs when that is larger).
     */
    private static void warmUp(URI on, URI off, String visitor, String loadCpu) throws Exception {
        double lastOn = 0;
        double lastOff = 0;
        for (int w = 1; w <= MAX_WARMUPS; w++) {
            double rOff = Wrk.run(off, 2, 32, 10, visitor, CONSENT, loadCpu).requestsPerSecond();
            double rOn = Wrk.run(on, 2, 32, 10, visitor, CONSENT, loadCpu).requestsPerSecond();
            System.out.printf(Locale.ROOT, "warm-up %d: off %.0f req/s, on %.0f req/s%n", w, rOff, rOn);
            if (w >= MIN_WARMUPS && close(rOff, lastOff) && close(rOn, lastOn)) {
                return;
            }
            lastOn = rOn;
            lastOff = rOff;
        }
        System.out.println("warm-up: not stable after " + MAX_WARMUPS + " pairs; measuring anyway");
    }

    private static boolean close(double a, double b) {
        return b > 0 && Math.abs(a - b) <= b * STABLE_PERCENT / 100.0;
    }

    private static String get(URI page, String visitor) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(page).header("Accept", "text/html")
                .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0.0.0")
                .header("Cookie", "seerid=" + visitor + "; " + CONSENT).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(page + " answered " + response.statusCode());
        }
        return response.body();
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

    private static void warm(URI page, String visitor) throws Exception {
        for (int i = 0; i < 300; i++) { // up to ~30 s: the seeded profile must reach the plugin's cache
            if (get(page, visitor).contains("id=\"status-known\"")) {
                return;
            }
            Thread.sleep(100); // set-up, not measured
        }
        throw new IllegalStateException("the returning visitor never showed as known on " + page);
    }

    private static void expect(URI page, String visitor, String marker) throws Exception {
        if (!get(page, visitor).contains("id=\"" + marker + "\"")) {
            throw new IllegalStateException(page + " did not show " + marker);
        }
    }
}
