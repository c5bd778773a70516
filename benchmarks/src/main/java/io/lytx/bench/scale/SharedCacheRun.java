package io.lytx.bench.scale;

import io.lytx.bench.sink.StubUpstream;
import io.lytx.bench.support.Percentiles;
import io.lytx.client.LyticsClient;
import io.lytx.servlet.internal.profile.Deadline;
import io.lytx.servlet.internal.profile.LookupKey;
import io.lytx.servlet.internal.profile.ProfileService;
import io.lytx.servlet.internal.profile.ProfileSettings;
import io.lytx.servlet.internal.profile.SharedCacheSettings;
import io.lytx.servlet.internal.profile.SharedProfileCache;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Many nodes, one Lytics account: {@code N} nodes (profile services, each with its own Hazelcast member
 * when shared) behind a load balancer without stickiness, fed one Zipf-distributed visitor stream, in
 * front of one stub Lytics. Three runs of the same stream: one node alone; N nodes each with its own
 * cache; N nodes sharing a JCache (Hazelcast) second level. Prints upstream entity calls (and per second)
 * of each, their ratio to the single node's, and the latency of a lookup served by this node's cache, by
 * the shared cache, and by Lytics (p50, p90, p99).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.lytx.bench.scale.SharedCacheRun [nodes]
 * [visitors] [requests]} (defaults 4, 20000, 200000). Loopback only; bounded by the request count.
 */
public final class SharedCacheRun {

    private static final String PROVIDER = "com.hazelcast.cache.HazelcastMemberCachingProvider";
    private static final String MEMBER = "lytics.bench.hazelcast.member";
    private static final ProfileSettings SETTINGS = ProfileSettings.defaults().withBudget(Duration.ofSeconds(2));

    private SharedCacheRun() {
    }

    /**
     * @param args nodes, distinct visitors, requests
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int visitors = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 200_000;
        int[] stream = zipf(visitors, requests, 1.0, new Random(42));
        System.out.printf("nodes %d, distinct visitors %d (Zipf s=1.0), requests %d, %d distinct in the stream%n",
                nodes, visitors, requests, java.util.Arrays.stream(stream).distinct().count());
        try (StubUpstream upstream = StubUpstream.start(4);
             LyticsClient client = LyticsClient.builder().baseUri(upstream.baseUri()).token("bench")
                     .maxConnections(64).build()) {
            run("warm-up (1 node)", client, upstream, 1, null, stream);
            long single = run("1 node", client, upstream, 1, null, stream);
            long alone = run(nodes + " nodes, own caches", client, upstream, nodes, null, stream);
            Path config = hazelcastConfig(nodes);
            long shared = run(nodes + " nodes, shared JCache", client, upstream, nodes, config.toUri(), stream);
            System.out.printf("upstream calls vs 1 node: own caches %.2fx, shared %.2fx (target <= 1.2x)%n",
                    (double) alone / single, (double) shared / single);
            latency(client, config.toUri(), visitors);
        }
        System.exit(0); // Hazelcast's members end with the JVM
    }

    /** One pass of the stream over {@code nodes} nodes (request i to a random node); returns the upstream calls. */
    private static long run(String name, LyticsClient client, StubUpstream upstream, int nodes, URI shared,
                            int[] stream) throws Exception {
        List<ProfileService> services = new ArrayList<>();
        List<SharedProfileCache> caches = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            SharedProfileCache cache = shared == null ? null : open(shared, i);
            if (cache != null) {
                caches.add(cache);
            }
            services.add(new ProfileService(client, SETTINGS, 0, cache));
        }
        long callsBefore = upstream.entityCalls();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int first = t;
            done.add(pool.submit(() -> {
                Random pick = new Random(first);
                for (int i = first; i < stream.length; i += 8) {
                    ProfileService node = services.get(pick.nextInt(services.size()));
                    node.profile(new LookupKey("_uid", "v" + stream[i]), Deadline.after(Duration.ofSeconds(2))).join();
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        long calls = upstream.entityCalls() - callsBefore;
        System.out.printf("%-26s upstream entity calls %7d in %5.1f s = %8.1f calls/s, %7.0f lookups/s%n",
                name, calls, seconds, calls / seconds, stream.length / seconds);
        services.forEach(ProfileService::close);
        caches.forEach(SharedProfileCache::close);
        return calls;
    }

    /** Lookup latency on node b: served by its own cache, by the shared cache (fetched by node a), by Lytics. */
    private static void latency(LyticsClient client, URI config, int visitors) {
        SharedProfileCache cacheA = open(config, 100);
        SharedProfileCache cacheB = open(config, 101);
        ProfileService a = new ProfileService(client, SETTINGS, 0, cacheA);
        ProfileService b = new ProfileService(client, SETTINGS, 0, cacheB);
        int n = 3_000;
        long[] local = new long[n];
        long[] fromShared = new long[n];
        long[] fromLytics = new long[n];
        String run = UUID.randomUUID().toString();
        for (int i = 0; i < n; i++) {
            LookupKey fresh = new LookupKey("_uid", run + "-lytics-" + i);
            fromLytics[i] = timed(b, fresh);
            local[i] = timed(b, fresh);
            LookupKey fetchedByA = new LookupKey("_uid", run + "-shared-" + i);
            long written = cacheA.writes();
            a.profile(fetchedByA, Deadline.after(Duration.ofSeconds(2))).join();
            awaitWrite(cacheA, written);
            fromShared[i] = timed(b, fetchedByA);
        }
        System.out.printf("lookup latency on a node (%d each): own cache %s mean=%.3f ms; shared cache %s mean=%.3f ms;"
                + " Lytics (stub) %s mean=%.3f ms%n", n, new Percentiles(local), mean(local), new Percentiles(fromShared),
                mean(fromShared), new Percentiles(fromLytics), mean(fromLytics));
        System.out.printf("added p50 of a shared-cache hit over an own-cache hit: %.3f ms (target <= 1 ms)%n",
                (new Percentiles(fromShared).at(50) - new Percentiles(local).at(50)) / 1e6);
        a.close();
        b.close();
        cacheA.close();
        cacheB.close();
    }

    /** Waits (bounded, 5 s) until node a's background write has reached the shared cache. */
    private static void awaitWrite(SharedProfileCache cacheA, long writtenBefore) {
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (cacheA.writes() == writtenBefore && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }

    private static double mean(long[] nanos) {
        return java.util.Arrays.stream(nanos).average().orElse(0) / 1e6;
    }

    private static long timed(ProfileService node, LookupKey key) {
        long t0 = System.nanoTime();
        node.profile(key, Deadline.after(Duration.ofSeconds(2))).join();
        return System.nanoTime() - t0;
    }

    private static SharedProfileCache open(URI config, int member) {
        String before = System.getProperty(MEMBER);
        System.setProperty(MEMBER, Integer.toString(member));
        try {
            ClassLoader nodeLoader = new URLClassLoader(new URL[0], SharedCacheRun.class.getClassLoader());
            return SharedProfileCache.open(new SharedCacheSettings(PROVIDER, config, new java.util.Properties(), "lytics-bench", Duration.ofMillis(50),
                    "bench"), nodeLoader, SETTINGS.ttl());
        } finally {
            if (before == null) {
                System.clearProperty(MEMBER);
            } else {
                System.setProperty(MEMBER, before);
            }
        }
    }

    /** A loopback cluster configuration every node is given; the member's name comes from a system property. */
    private static Path hazelcastConfig(int members) throws IOException {
        int base;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            base = s.getLocalPort();
        }
        StringBuilder list = new StringBuilder();
        for (int p = base; p < base + members + 2; p++) {
            list.append("<member>127.0.0.1:").append(p).append("</member>");
        }
        String cluster = "lytics-bench-" + UUID.randomUUID();
        String xml = """
                <hazelcast xmlns="http://www.hazelcast.com/schema/config">
                  <cluster-name>%s</cluster-name>
                  <instance-name>%s-${%s}</instance-name>
                  <properties>
                    <property name="hazelcast.phone.home.enabled">false</property>
                    <property name="hazelcast.logging.type">jdk</property>
                    <property name="hazelcast.socket.bind.any">false</property>
                  </properties>
                  <network>
                    <port auto-increment="true" port-count="%d">%d</port>
                    <interfaces enabled="true"><interface>127.0.0.1</interface></interfaces>
                    <join>
                      <auto-detection enabled="false"/>
                      <multicast enabled="false"/>
                      <tcp-ip enabled="true"><member-list>%s</member-list></tcp-ip>
                    </join>
                  </network>
                </hazelcast>
                """.formatted(cluster, cluster, MEMBER, members + 2, base, list);
        Path file = Files.createTempFile("lytics-bench-hazelcast", ".xml");
        Files.writeString(file, xml);
        return file;
    }

    /** {@code requests} draws from a Zipf distribution over {@code n} visitors (rank 0 most frequent). */
    static int[] zipf(int n, int requests, double s, Random random) {
        double[] cumulative = new double[n];
        double sum = 0;
        for (int k = 1; k <= n; k++) {
            sum += 1 / Math.pow(k, s);
            cumulative[k - 1] = sum;
        }
        int[] out = new int[requests];
        for (int i = 0; i < requests; i++) {
            double u = random.nextDouble() * sum;
            int idx = java.util.Arrays.binarySearch(cumulative, u);
            out[i] = idx >= 0 ? idx : -idx - 1;
        }
        return out;
    }
}
