package io.lytx.bench.memory;

import io.lytx.client.LyticsClient;
import io.lytx.client.content.Recommendation;
import io.lytx.servlet.config.LyticsConfig;
import io.lytx.servlet.internal.profile.Deadline;
import io.lytx.servlet.internal.profile.LookupKey;
import io.lytx.servlet.internal.profile.ProfileMetrics;
import io.lytx.servlet.internal.profile.ProfileResult;
import io.lytx.servlet.internal.profile.ProfileService;
import io.lytx.servlet.internal.profile.ProfileSettings;
import io.lytx.servlet.ProfileStatus;
import java.lang.ref.Reference;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Bytes of heap each cached visitor costs in the plugin's profile cache: used heap after full
 * collections with the cache empty, then with {@code N} distinct visitors' profiles loaded through
 * {@link ProfileService} from a {@link ProfileUpstream} on 127.0.0.1 (a {@link TypicalProfile} each),
 * then with their default recommendation lists ({@value TypicalProfile#RECOMMENDATIONS} documents) cached
 * too; the growth divided by {@code N}. Prints the cache's own count and statistics (every visitor must
 * be cached), the default maximum size and what a full cache of that size costs.
 *
 * <p>The settings are the plugin's defaults, except a maximum size of at least {@code N} (the default
 * holds fewer), a TTL of one hour (none may expire while loading on a slow machine) and a budget of 2 s
 * (none may time out); these change how long and how many entries are kept, not what an entry holds.
 * Before the empty reading, a throwaway service loads and drops 2,000 other visitors, so that the
 * classes, the JIT's code and the client's connections exist in both readings.
 *
 * <p>{@code -Dbench.memory.histogram=true} prints the largest classes of the live heap once the profiles
 * are loaded (where the bytes go).
 *
 * <p>Run: {@code java -Xms4g -Xmx4g -cp benchmarks/target/benchmarks.jar io.lytx.bench.memory.CachedVisitorMemoryRun
 * [visitors]} (default 100000). Loopback only; bounded by the visitor count (each lookup waits at most 2 s).
 */
public final class CachedVisitorMemoryRun {

    private static final int IN_FLIGHT = 32;

    private CachedVisitorMemoryRun() {
    }

    /**
     * @param args visitors (default 100000)
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        int visitors = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        long defaultMax = PluginCache.defaultMaxEntries();
        System.out.printf("JVM %s, max heap %d MB, collector(s) %s%n", Runtime.version(),
                Runtime.getRuntime().maxMemory() >> 20, collectors());
        try (ProfileUpstream upstream = ProfileUpstream.start(4)) {
            LyticsConfig config = PluginCache.config(upstream.baseUri());
            ProfileSettings settings = PluginCache.withLongBudget(PluginCache.settings(config))
                    .withMaxEntries(Math.max(visitors, config.profileMaxEntries()))
                    .withTtl(Duration.ofHours(1)).withRefreshAfter(Duration.ofMinutes(30));
            System.out.printf("default lytics.profile.max.entries %d (configuration: %d); TTL default %s, here %s;"
                    + " maximum size here %d%n", defaultMax, config.profileMaxEntries(), config.profileTtl(),
                    settings.ttl(), settings.maxEntries());
            try (LyticsClient client = PluginCache.client(config)) {
                try (ProfileService warmUp = new ProfileService(client, settings, 0, null)) {
                    load(warmUp, 2_000, rank -> VisitorIds.of(Integer.MAX_VALUE - rank), true);
                }
                ProfileService service = new ProfileService(client, settings, 0, null);
                HeapGauge.Reading empty = HeapGauge.usedAfterFullGc();
                print("0 cached", empty, service.metrics());
                long calls = upstream.entityCalls();
                load(service, visitors, VisitorIds::of, false);
                HeapGauge.Reading profiles = HeapGauge.usedAfterFullGc();
                ProfileMetrics afterProfiles = service.metrics();
                print(visitors + " profiles cached", profiles, afterProfiles);
                System.out.printf("upstream entity calls while loading: %d%n", upstream.entityCalls() - calls);
                if (Boolean.getBoolean("bench.memory.histogram")) {
                    printHistogram(40);
                }
                long recCalls = upstream.recommendationCalls();
                loadRecommendations(service, visitors);
                HeapGauge.Reading both = HeapGauge.usedAfterFullGc();
                ProfileMetrics afterBoth = service.metrics();
                print(visitors + " profiles + recommendation lists cached", both, afterBoth);
                System.out.printf("upstream recommendation calls while loading: %d%n",
                        upstream.recommendationCalls() - recCalls);
                if (afterBoth.cachedProfiles() != visitors) {
                    System.out.printf("WARNING: the cache holds %d profiles, not %d: the figures below are not per visitor%n",
                            afterBoth.cachedProfiles(), visitors);
                }
                double profileBytes = HeapGauge.bytesPerEntry(empty.usedBytes(), profiles.usedBytes(), visitors);
                double recBytes = HeapGauge.bytesPerEntry(profiles.usedBytes(), both.usedBytes(), visitors);
                double total = profileBytes + recBytes;
                System.out.printf("bytes per cached visitor: profile %.0f B, its recommendation list %.0f B,"
                        + " both %.0f B (target <= 2048 B)%n", profileBytes, recBytes, total);
                System.out.printf("a full cache at the default size (%d visitors): profiles %.1f MB, with recommendation"
                        + " lists %.1f MB (the recommendation cache has the same bound)%n", defaultMax,
                        HeapGauge.megabytes(profileBytes, defaultMax), HeapGauge.megabytes(total, defaultMax));
                Reference.reachabilityFence(service);
                service.close();
            }
        }
    }

    /** Looks up {@code count} visitors (ids from {@code id}), at most {@value #IN_FLIGHT} at once; retries a failed one. */
    private static void load(ProfileService service, int count, IntFunction<String> id, boolean quiet)
            throws InterruptedException {
        Semaphore slots = new Semaphore(IN_FLIGHT);
        AtomicLong notKnown = new AtomicLong();
        long start = System.nanoTime();
        for (int rank = 0; rank < count; rank++) {
            LookupKey key = new LookupKey("_uid", id.apply(rank));
            slots.acquire();
            CompletableFuture<ProfileResult> answer = service.profile(key, Deadline.after(Duration.ofSeconds(2)));
            answer.whenComplete((result, error) -> {
                if (error != null || result.status() != ProfileStatus.KNOWN) {
                    notKnown.incrementAndGet();
                }
                slots.release();
            });
        }
        slots.acquire(IN_FLIGHT);
        slots.release(IN_FLIGHT);
        if (notKnown.get() > 0) { // not cached: ask once more, one at a time
            for (int rank = 0; rank < count; rank++) {
                service.profile(new LookupKey("_uid", id.apply(rank)), Deadline.after(Duration.ofSeconds(2))).join();
            }
        }
        if (!quiet) {
            System.out.printf("loaded %d visitors in %.1f s (%d answers not KNOWN at first, retried)%n", count,
                    (System.nanoTime() - start) / 1e9, notKnown.get());
        }
    }

    private static void loadRecommendations(ProfileService service, int count) throws InterruptedException {
        Semaphore slots = new Semaphore(IN_FLIGHT);
        AtomicLong empty = new AtomicLong();
        for (int rank = 0; rank < count; rank++) {
            slots.acquire();
            CompletableFuture<List<Recommendation>> answer = service.recommendations(
                    new LookupKey("_uid", VisitorIds.of(rank)), null, Deadline.after(Duration.ofSeconds(2)));
            answer.whenComplete((list, error) -> {
                if (error != null || list.size() != TypicalProfile.RECOMMENDATIONS) {
                    empty.incrementAndGet();
                }
                slots.release();
            });
        }
        slots.acquire(IN_FLIGHT);
        slots.release(IN_FLIGHT);
        System.out.printf("recommendation lists loaded: %d, of which %d without %d documents%n", count, empty.get(),
                TypicalProfile.RECOMMENDATIONS);
    }

    private static void print(String what, HeapGauge.Reading reading, ProfileMetrics m) {
        System.out.printf("%-45s used heap after full GC %,d B (%d System.gc() rounds, %s); cache estimatedSize %d,"
                + " stats hits %d misses %d loads %d failures %d, recommendation misses %d%n", what, reading.usedBytes(),
                reading.rounds(), reading.settled() ? "settled within 64 KB" : "NOT settled", m.cachedProfiles(), m.hits(),
                m.misses(), m.loads(), m.loadFailures(), m.recommendationMisses());
    }

    /** The largest classes of the live heap ({@code GC.class_histogram}, as {@code jcmd} prints it). */
    private static void printHistogram(int lines) throws Exception {
        javax.management.ObjectName name = new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand");
        String histogram = (String) java.lang.management.ManagementFactory.getPlatformMBeanServer().invoke(name,
                "gcClassHistogram", new Object[] {new String[0]}, new String[] {String[].class.getName()});
        histogram.lines().limit(lines + 3L).forEach(System.out::println);
    }

    private static String collectors() {
        StringBuilder out = new StringBuilder();
        for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            out.append(out.length() == 0 ? "" : ", ").append(gc.getName());
        }
        return out.toString();
    }
}
