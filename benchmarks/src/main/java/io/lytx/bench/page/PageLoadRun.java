package io.lytx.bench.page;

import io.lytx.bench.forward.SinkLauncher;
import io.lytx.bench.support.Visitors;
import io.lytx.servlet.LyticsRuntime;
import io.lytx.servlet.collect.CollectorMetrics;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;

/**
 * Whole-page figures with {@code wrk} against an embedded Jetty serving a 4 KB page behind the real
 * filter, plugin enabled vs disabled (same build, same JVM, alternating runs, same wrk settings):
 * <ul>
 *   <li>{@code throughput}: a returning visitor (one cookie, warm cache); the upstream is the stub
 *       sink in a child JVM (profile lookups and event batches). Target: ≥ 95 % of the disabled
 *       throughput, p99 within 10 %.</li>
 *   <li>{@code hung}: the upstream accepts connections and never answers; every request is a new
 *       visitor (cache miss). Target: p99 ≤ budget (150 ms) + 20 ms; with the breaker open ≥ 90 % of
 *       the disabled throughput.</li>
 *   <li>{@code dead}: the upstream refuses connections; new visitors for {@code seconds}; heap used,
 *       old generation after its last collection, queue depth and dropped events sampled every 5 s. Target: flat memory, every drop counted.</li>
 * </ul>
 * Run: {@code java -cp benchmarks/target/benchmarks.jar io.lytx.bench.page.PageLoadRun throughput|hung|dead [seconds] [rounds] [pin]}
 * (defaults 10 s per run, 3 rounds; dead: 120 s). wrk: 2 threads, 32 connections, loopback only;
 * wrk shares the 2 cores with the server, unless {@code pin} is given and this JVM runs under
 * {@code taskset -c 0}: then wrk and the stub upstream run on CPU 1.
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
            case "hung" -> {
                try (HangingUpstream hung = new HangingUpstream()) {
                    alternate(hung.baseUri(), seconds, rounds, null);
                    System.out.println("hung upstream: connections accepted " + hung.connections());
                }
            }
            case "dead" -> dead(seconds);
            default -> throw new IllegalArgumentException("mode must be throughput, hung or dead: " + mode);
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

    /** Bytes used in the old generation right after the last collection of it (0 before the first). */
    private static long oldGenAfterGc() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getName().contains("Old") && pool.getCollectionUsage() != null) {
                used += pool.getCollectionUsage().getUsed();
            }
        }
        return used;
    }

    private static void dead(int seconds) throws Exception {
        URI refused = URI.create("http://127.0.0.1:9/");
        try (PageServer on = new PageServer(true, refused, Map.of())) {
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            CollectorMetrics metrics = on.runtime().collector().metrics();
            Thread load = new Thread(() -> {
                try {
                    System.out.println("dead upstream, wrk: " + Wrk.run(on.pageUri(), 2, 32, seconds, null));
                } catch (Exception e) {
                    System.out.println("wrk failed: " + e);
                }
            }, "wrk-runner");
            load.start();
            long start = System.nanoTime();
            while (load.isAlive()) {
                System.out.printf(Locale.ROOT, "t=%3ds heapUsed=%6.1f MB oldGenAfterLastGc=%6.1f MB queueDepth=%d queueBytes=%d enqueued=%d dropped=%d failed=%d%n",
                        (System.nanoTime() - start) / 1_000_000_000L, memory.getHeapMemoryUsage().getUsed() / 1048576.0, oldGenAfterGc() / 1048576.0,
                        metrics.queueDepth(), metrics.queueBytes(), metrics.enqueued(), metrics.dropped(), metrics.failed());
                load.join(5_000);
            }
            System.out.println("dead upstream, end: " + metrics + "; filter: " + on.runtime().metrics().snapshot());
        }
    }
}
