package io.lytx.bench.coalesce;

import io.lytx.bench.servlet.FakeRequest;
import io.lytx.bench.servlet.FakeResponse;
import io.lytx.bench.servlet.FilterHost;
import io.lytx.bench.support.AdminHttp;
import io.lytx.bench.support.Visitors;
import io.lytx.sandbox.LyticsSandbox;
import io.lytx.sandbox.SandboxOptions;
import io.lytx.servlet.LyticsContext;
import io.lytx.servlet.LyticsFilter;
import io.lytx.servlet.ProfileStatus;
import io.lytx.servlet.internal.profile.ProfileMetrics;
import io.lytx.servlet.internal.runtime.LyticsRuntime;
import io.lytx.servlet.internal.web.TemplateSupport;
import jakarta.servlet.ServletContext;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Coalescing: {@code N} concurrent first requests of one visitor (whose profile exists upstream
 * but is not cached) through the real filter; the sandbox's own request counter then says how
 * many profile lookups reached it. Target: 1 per round.
 *
 * <p>Each round uses a new visitor. Rounds run with no added latency and with 100 ms of injected
 * latency on the entity route (so that every request arrives while the one lookup is in flight).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.lytx.bench.coalesce.CoalescingRun [threads] [rounds]}
 * (defaults 200 and 5). Bounded: each round waits at most 30 s; loopback only.
 */
public final class CoalescingRun {

    private CoalescingRun() {
    }

    /**
     * @param args optional thread count and rounds
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        try (LyticsSandbox sandbox = LyticsSandbox.start(SandboxOptions.defaults())) {
            AdminHttp admin = new AdminHttp(sandbox.baseUri(), sandbox.adminToken());
            LyticsFilter filter = new LyticsFilter();
            ServletContext context = FilterHost.init(filter, Map.of(
                    "lytics.api.url", sandbox.baseUri().toString(),
                    "lytics.api.token", sandbox.adminToken(),
                    "lytics.collect.enabled", "false",
                    "lytics.jmx.enabled", "false"));
            LyticsRuntime runtime = ((TemplateSupport) context.getAttribute(TemplateSupport.ATTRIBUTE)).runtime();
            try {
                // warm the client's connections and code paths with another visitor
                runRound(filter, runtime, admin, Visitors.id(999_999), 8, 0);
                for (int latency : new int[] {0, 100}) {
                    for (int r = 1; r <= rounds; r++) {
                        String visitor = Visitors.id(latency * 1000L + r);
                        runRound(filter, runtime, admin, visitor, threads, latency);
                    }
                }
            } finally {
                filter.destroy();
            }
        }
    }

    private static void runRound(LyticsFilter filter, LyticsRuntime runtime, AdminHttp admin, String visitor, int threads, int latencyMs)
            throws Exception {
        admin.call("POST", "collect/json/default",
                "{\"_uid\":\"" + visitor + "\",\"first_name\":\"Pat\",\"visitct\":\"3\"}");
        admin.clearFaults();
        if (latencyMs > 0) {
            admin.fault("{\"route\":\"" + AdminHttp.ENTITY_ROUTE + "\",\"latency_ms\":" + latencyMs + "}");
        }
        admin.resetStats();
        ProfileMetrics before = runtime.profiles().metrics();
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(threads);
        Map<ProfileStatus, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        AtomicInteger errors = new AtomicInteger();
        for (int i = 0; i < threads; i++) {
            FakeRequest req = Visitors.pageRequest(visitor, "/articles/" + i);
            FakeResponse res = new FakeResponse();
            Thread t = new Thread(() -> {
                try {
                    ready.countDown();
                    go.await();
                    filter.doFilter(req, res, (q, s) -> { });
                    ProfileStatus status = LyticsContext.of(req).getStatus();
                    outcomes.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
                } catch (Exception e) {
                    errors.incrementAndGet();
                } finally {
                    done.countDown();
                }
            }, "coalescing-" + i);
            t.setDaemon(true);
            t.start();
        }
        ready.await(30, TimeUnit.SECONDS);
        long start = System.nanoTime();
        go.countDown();
        boolean finished = done.await(30, TimeUnit.SECONDS);
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        admin.clearFaults();
        long calls = admin.count(AdminHttp.ENTITY_ROUTE);
        ProfileMetrics after = runtime.profiles().metrics();
        Map<ProfileStatus, Integer> summary = new EnumMap<>(ProfileStatus.class);
        outcomes.forEach((k, v) -> summary.put(k, v.get()));
        System.out.printf("visitor=%s threads=%d latency=%dms finished=%s wall=%dms upstreamEntityCalls=%d outcomes=%s errors=%d"
                + " (filter side: loads=%d loadFailures=%d misses=%d timeouts=%d)%n",
                visitor, threads, latencyMs, finished, elapsedMs, calls, summary, errors.get(),
                after.loads() - before.loads(), after.loadFailures() - before.loadFailures(),
                after.misses() - before.misses(), after.timeouts() - before.timeouts());
    }
}
