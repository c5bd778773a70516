package io.lytx.bench.memory;

import io.lytx.client.LyticsClient;
import io.lytx.servlet.config.LyticsConfig;
import io.lytx.servlet.internal.profile.Deadline;
import io.lytx.servlet.internal.profile.LookupKey;
import io.lytx.servlet.internal.profile.ProfileMetrics;
import io.lytx.servlet.internal.profile.ProfileResult;
import io.lytx.servlet.internal.profile.ProfileService;
import io.lytx.servlet.internal.profile.ProfileSettings;
import io.lytx.servlet.ProfileStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hit rate of the plugin's profile cache at its default size and TTL for a Zipf-distributed stream of
 * visitors, and the upstream calls per second it leaves at a stated page rate.
 *
 * <p>One page = one profile lookup of the next visitor of a seeded {@link ZipfStream} over {@code V}
 * distinct visitors (exponent {@code s}), through {@link ProfileService} (the plugin's default settings,
 * budget 2 s so that no lookup fails on a loaded machine) against a {@link ProfileUpstream} on 127.0.0.1.
 * The cache's clock is simulated so that TTL (60 s) and refresh (30 s) act as on a site serving
 * {@code R} pages per second: page {@code i} happens at {@code i / R} seconds, whatever the real time.
 * Eight threads take the pages in order. Figures: Caffeine's hit rate as the plugin reports it
 * ({@link ProfileService#metrics()}), over the whole stream and over its second half (warm cache);
 * upstream entity calls (misses and background refreshes, counted by the upstream) per simulated second;
 * and the miss rate times {@code R}. Stops after {@code maxSeconds} of real time if the stream is not done,
 * and reports the pages served by then.
 *
 * <p>Run: {@code java -Xmx2g -cp benchmarks/target/benchmarks.jar io.lytx.bench.memory.ZipfHitRateRun
 * [visitors] [pages] [s] [pagesPerSecond] [maxSeconds]} (defaults 1000000 5000000 1.0 1000 900).
 * Loopback only.
 */
public final class ZipfHitRateRun {

    private static final int THREADS = 8;
    private static final long SEED = 20261207L;

    private ZipfHitRateRun() {
    }

    /**
     * @param args visitors, pages, exponent, pages per second, maximum real seconds
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        int visitors = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int pages = args.length > 1 ? Integer.parseInt(args[1]) : 5_000_000;
        double exponent = args.length > 2 ? Double.parseDouble(args[2]) : 1.0;
        int pageRate = args.length > 3 ? Integer.parseInt(args[3]) : 1_000;
        long maxSeconds = args.length > 4 ? Long.parseLong(args[4]) : 900;
        int[] stream = ZipfStream.ranks(visitors, exponent, pages, SEED);
        String[] ids = new String[visitors + 1];
        for (int rank = 1; rank <= visitors; rank++) {
            ids[rank] = VisitorIds.of(rank);
        }
        try (ProfileUpstream upstream = ProfileUpstream.start(4)) {
            LyticsConfig config = PluginCache.config(upstream.baseUri());
            ProfileSettings settings = PluginCache.withLongBudget(PluginCache.settings(config));
            System.out.printf("visitors %d, Zipf s=%.2f (seed %d), pages %d at a simulated %d pages/s (%.0f s);"
                    + " cache: default maximum %d entries, TTL %s, refresh after %s, negative TTL %s%n", visitors, exponent,
                    SEED, pages, pageRate, (double) pages / pageRate, settings.maxEntries(), settings.ttl(),
                    settings.refreshAfter(), settings.negativeTtl());
            try (LyticsClient client = PluginCache.client(config)) {
                System.out.printf("warm-up (throwaway cache, real clock): %s%n",
                        PluginCache.warmUp(client, settings) ? "every lookup of the last round KNOWN" : "NOT all KNOWN");
                measure(client, settings, upstream, stream, ids, pageRate, maxSeconds);
            }
        }
    }

    /** Serves the stream's pages from {@value #THREADS} threads on a service whose cache reads the simulated clock. */
    private static void measure(LyticsClient client, ProfileSettings settings, ProfileUpstream upstream, int[] stream,
                                String[] ids, int pageRate, long maxSeconds) throws Exception {
        int pages = stream.length;
        long pageNanos = 1_000_000_000L / pageRate;
        AtomicLong clock = new AtomicLong();
        long callsBefore = upstream.entityCalls();
        try (ProfileService service = PluginCache.withTicker(client, settings, clock::get)) {
            AtomicInteger next = new AtomicInteger();
            AtomicLong notKnown = new AtomicLong();
            long deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
            int half = pages / 2;
            ProfileMetrics[] atHalf = new ProfileMetrics[1];
            long[] callsAtHalf = new long[1];
            long start = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                done.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < pages && System.nanoTime() < deadline) {
                        clock.accumulateAndGet(i * pageNanos, Math::max);
                        if (i == half) {
                            synchronized (atHalf) {
                                atHalf[0] = service.metrics();
                                callsAtHalf[0] = upstream.entityCalls();
                            }
                        }
                        ProfileResult result = service.profile(new LookupKey("_uid", ids[stream[i]]),
                                Deadline.after(Duration.ofSeconds(2))).join();
                        if (result.status() != ProfileStatus.KNOWN && notKnown.getAndIncrement() < 5) {
                            System.out.printf("page %d: %s (%s)%n", i, result.status(), result.reason());
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            double realSeconds = (System.nanoTime() - start) / 1e9;
            int served = Math.min(next.get(), pages);
            ProfileMetrics end = service.metrics();
            long calls = upstream.entityCalls() - callsBefore;
            double simulated = (double) served / pageRate;
            System.out.printf("pages served %d of %d in %.1f s real (%.0f pages/s real)%s%n", served, pages,
                    realSeconds, served / realSeconds, served < pages ? " - stopped by the time bound" : "");
            report("whole stream", end.hits(), end.misses(), calls, simulated, pageRate);
            synchronized (atHalf) {
                if (atHalf[0] != null && served == pages) {
                    ProfileMetrics h = atHalf[0];
                    report("second half (warm)", end.hits() - h.hits(), end.misses() - h.misses(),
                            upstream.entityCalls() - callsAtHalf[0], simulated - (double) half / pageRate, pageRate);
                }
            }
            System.out.printf("cache at the end: estimatedSize %d (maximum %d); lookups not KNOWN %d (load failures %d,"
                    + " timeouts %d, refused by the breaker %d, breaker transitions %d)%s%n", end.cachedProfiles(),
                    settings.maxEntries(), notKnown.get(), end.loadFailures(), end.timeouts(), end.rejected(),
                    end.breakerTransitions(), notKnown.get() > 0 ? " - WARNING: the hit rate counts these as misses" : "");
        }
    }

    private static void report(String what, long hits, long misses, long upstreamCalls, double simulatedSeconds,
                               int pageRate) {
        double hitRate = hits + misses == 0 ? 0 : (double) hits / (hits + misses);
        System.out.printf("%-19s hit rate %.4f (hits %d, misses %d); upstream entity calls %d = %.1f calls/s at %d pages/s"
                + " (misses alone: miss rate x page rate = %.1f calls/s)%n", what, hitRate, hits, misses,
                upstreamCalls, upstreamCalls / simulatedSeconds, pageRate, (1 - hitRate) * pageRate);
    }
}
