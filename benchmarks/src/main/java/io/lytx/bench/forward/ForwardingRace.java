package io.lytx.bench.forward;

import com.segment.analytics.Analytics;
import com.segment.analytics.messages.PageMessage;
import io.lytx.bench.collect.PageViews;
import io.lytx.bench.support.Visitors;
import io.lytx.client.LyticsClient;
import io.lytx.servlet.collect.CollectorSettings;
import io.lytx.servlet.collect.EventCollector;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Forwarding throughput, this library's {@link EventCollector} vs Segment's {@code analytics-java}
 * 3.5.4, each with its shipped defaults, into the same local sink running in a child JVM (it
 * answers {@code /collect/json} as Lytics does and {@code /v1/import} as Segment's batch endpoint
 * does, and counts events).
 *
 * <p>Workload: {@code events} page views (same fields: visitor id, URL, referrer, language, user
 * agent, IP) offered by 2 producer threads as fast as the library takes them. Lytics' queue is
 * bounded (10,000 by default) and drops when full, so its producers back off 100 µs and offer again
 * (the drops this causes are reported); Segment's queue is unbounded by default. Measured: time
 * from the first offer until the sink has counted every event, and this process's CPU time
 * (producers, serialization, HTTP) per delivered event. When the producers are done, each library
 * is asked once to flush (so that neither waits for its flush interval). A warm-up run of the same size precedes
 * the measured one in the same JVM.
 *
 * <p>Run one library per JVM, alternating, e.g.
 * {@code for i in 1 2 3; do for lib in lytics segment; do java -Xmx2g -cp benchmarks/target/benchmarks.jar io.lytx.bench.forward.ForwardingRace $lib 200000; done; done}.
 * Bounded: each run gives up after 120 s; loopback only.
 */
public final class ForwardingRace {

    private static final int PRODUCERS = 2;

    private ForwardingRace() {
    }

    /** One library's way to accept events. */
    private interface Forwarder extends AutoCloseable {
        /** Hands over event {@code n}, waiting (not spinning) while the library has no room. */
        void send(long n);

        /** Asks the library to send what it holds now rather than after its flush interval. */
        void flushNow();

        /** @return the events the sink counted for this library */
        long delivered(long[] sinkCounts);

        @Override
        void close();
    }

    /**
     * @param args library ({@code lytics} or {@code segment}) and optional event count (default 200000)
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 1 || !(args[0].equals("lytics") || args[0].equals("segment"))) {
            System.err.println("usage: ForwardingRace lytics|segment [events]");
            System.exit(2);
        }
        String lib = args[0];
        long events = args.length > 1 ? Long.parseLong(args[1]) : 200_000;
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (SinkProcess sink = new SinkProcess()) {
            for (String phase : new String[] {"warm-up", "measured"}) {
                AtomicLong backoffs = new AtomicLong();
                AtomicLong producerCpu = new AtomicLong();
                long workerCpu0 = workerCpu(lib);
                Forwarder f = lib.equals("lytics") ? lytics(sink, backoffs) : segment(sink);
                long base = f.delivered(sink.counts());
                long cpu0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                List<Thread> producers = new ArrayList<>();
                for (int p = 0; p < PRODUCERS; p++) {
                    int id = p;
                    Thread t = new Thread(() -> {
                        for (long n = id; n < events; n += PRODUCERS) {
                            f.send(n);
                        }
                        producerCpu.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
                    }, "producer-" + p);
                    producers.add(t);
                    t.start();
                }
                for (Thread t : producers) {
                    t.join();
                }
                long offeredNanos = System.nanoTime() - t0;
                f.flushNow();
                long deadline = t0 + TimeUnit.SECONDS.toNanos(120);
                long delivered;
                while ((delivered = f.delivered(sink.counts()) - base) < events && System.nanoTime() < deadline) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
                }
                long nanos = System.nanoTime() - t0;
                long cpu = os.getProcessCpuTime() - cpu0;
                long worker = workerCpu(lib) - workerCpu0;
                f.close();
                System.out.printf(Locale.ROOT, "%s %s: %d of %d delivered in %.3f s = %.0f events/s; CPU %.2f s = %.2f µs/event;"
                        + " producers done after %.3f s; lytics backoffs on full queue %d%n",
                        lib, phase, delivered, events, nanos / 1e9, delivered / (nanos / 1e9), cpu / 1e9,
                        cpu / 1e3 / Math.max(1, delivered), offeredNanos / 1e9, backoffs.get());
                long perEvent = Math.max(1, delivered);
                System.out.printf(Locale.ROOT, "%s %s: CPU per delivered event: sending threads %.2f µs, producers %.2f µs,"
                        + " rest of the process (JVM: GC, JIT; main) %.2f µs%n", lib, phase, worker / 1e3 / perEvent,
                        producerCpu.get() / 1e3 / perEvent, (cpu - worker - producerCpu.get()) / 1e3 / perEvent);
            }
        }
    }

    /**
     * CPU time of the library's own sending threads alive now ({@code lytics-collector} for this
     * library; Segment's looper and network threads are named "Analytics").
     */
    private static long workerCpu(String lib) {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        String prefix = lib.equals("lytics") ? EventCollector.THREAD_NAME : "Analytics";
        long sum = 0;
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(prefix)) {
                sum += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return sum;
    }

    private static Forwarder lytics(SinkProcess sink, AtomicLong backoffs) {
        LyticsClient client = LyticsClient.builder().baseUri(sink.baseUri()).token("bench-token").build();
        EventCollector collector = new EventCollector(client, CollectorSettings.defaults());
        return new Forwarder() {
            @Override
            public void send(long n) {
                var event = PageViews.event(n % 10_000, n);
                while (!collector.offer(event)) {
                    backoffs.incrementAndGet();
                    LockSupport.parkNanos(100_000);
                }
            }

            @Override
            public void flushNow() {
                collector.flush(Duration.ZERO); // asks, does not wait
            }

            @Override
            public long delivered(long[] sinkCounts) {
                return sinkCounts[0];
            }

            @Override
            public void close() {
                collector.shutdown(Duration.ofSeconds(10));
                client.close();
            }
        };
    }

    private static Forwarder segment(SinkProcess sink) {
        Analytics analytics = Analytics.builder("bench-write-key")
                .endpoint(sink.baseUri().toString().replaceAll("/$", "")).build();
        return new Forwarder() {
            @Override
            public void send(long n) {
                Map<String, Object> properties = new LinkedHashMap<>();
                properties.put("url", "www.example.org/articles/article-" + n + "?utm_source=newsletter");
                properties.put("referrer", "www.example.org/search?q=tea");
                Map<String, Object> context = new LinkedHashMap<>();
                context.put("userAgent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                        + "Chrome/131.0.0.0 Safari/537.36");
                context.put("ip", "203.0.113.0");
                context.put("locale", "en-US");
                analytics.enqueue(PageMessage.builder("article").anonymousId(Visitors.id(n % 10_000))
                        .properties(properties).context(context));
            }

            @Override
            public void flushNow() {
                analytics.flush(); // asynchronous
            }

            @Override
            public long delivered(long[] sinkCounts) {
                return sinkCounts[1];
            }

            @Override
            public void close() {
                analytics.flush();
                analytics.shutdown();
            }
        };
    }
}
