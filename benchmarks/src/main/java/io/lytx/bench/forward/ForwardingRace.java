package io.lytx.bench.forward;

import com.segment.analytics.Analytics;
import com.segment.analytics.messages.PageMessage;
import io.lytx.bench.collect.PageViews;
import io.lytx.bench.support.Visitors;
import io.lytx.client.LyticsClient;
import io.lytx.servlet.internal.collect.CollectorSettings;
import io.lytx.servlet.internal.collect.EventCollector;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import okhttp3.OkHttpClient;

/**
 * Forwarding, this library's {@link EventCollector} against Segment's {@code analytics-java} 3.5.4,
 * into the same local sink in a child JVM (it answers {@code /collect/json} as Lytics does and
 * {@code /v1/import} as Segment's batch endpoint does, counts events, and times and sizes every
 * batch POST: {@link io.lytx.bench.sink.PostLog}).
 *
 * <p>Same conditions for both libraries: batches of {@code bench.forward.batch} events (default
 * 500, this library's default; Segment's {@code flushQueueSize}, default 250), a queue bounded to
 * {@code bench.forward.queue} events (default 10,000, this library's default; Segment's
 * {@code queueCapacity}, unbounded by default) on which the producers wait when it is full, a
 * batch sent after at most 1 s ({@code linger}; Segment's {@code flushInterval}, default 10 s), and
 * TCP_NODELAY on the sockets (Apache HttpClient 5, under this library, sets it by default; Segment
 * gets an OkHttp client like its default one, 15 s timeouts, whose sockets set it:
 * {@code -Dbench.forward.nodelay=false} leaves OkHttp's default, off). The events are the same
 * page view: this library's built as the filter builds it ({@link PageViews#pageView(long, long)}),
 * Segment's a {@code page} message with the same URL, referrer, language, User-Agent and IP.
 *
 * <p>Two modes; each creates a fresh library instance for a warm-up phase and then for the measured
 * phase, in one JVM, and at the end of a phase asks the library once to send what it holds:
 * <ul>
 *   <li>{@code max <events>}: 2 producer threads hand over {@code events} page views as fast as the
 *       library takes them (warm-up: the same number). Measured: delivered events per second, from
 *       the first event until the sink has counted the last.</li>
 *   <li>{@code rate <events/s> <seconds> [<warm-up seconds>]}: 2 producers hand over the events on
 *       a fixed schedule (each event at its planned time, or up to 1 ms later with the events due
 *       meanwhile, so that a producer wakes at most 1,000 times a second; late ones at once), below both
 *       libraries' capacity; the warm-up phase (default 20 s) runs at the same rate. Measured: this
 *       process's CPU time per delivered event at equal load, and how far the producers fell behind
 *       their schedule (they must not).</li>
 * </ul>
 * Both print the CPU per delivered event of the whole process (producers, serialization, HTTP, GC,
 * JIT; not the sink's), split into the library's sending threads, the producers and the rest, and
 * the sink's log of the measured phase's POSTs: their number, events per POST, bytes per event, and
 * how long the sink waited for each body and took to answer.
 *
 * <p>The measured phase also prints the sink's count over time, one line per sample (every 100 ms in
 * {@code max} mode, every second in {@code rate} mode, and at the end; {@link DeliverySeries}), from
 * which {@link ForwardingPlot} draws the delivery rate of every run in a directory.
 *
 * <p>{@code none} in place of a library runs the harness alone (the producers' pacing, this JVM's
 * own threads, no event built or sent): its CPU per event is the part of both libraries' figures
 * that is not theirs.
 *
 * <p>Run one library per JVM, alternating; commands in {@code benchmarks/README.md}. Bounded: a
 * phase gives up waiting for delivery 120 s after it started; loopback only.
 */
public final class ForwardingRace {

    private static final int PRODUCERS = 2;
    /** Events per batch POST, both libraries. */
    static final int BATCH = Integer.getInteger("bench.forward.batch", 500);
    /** Bound of the queue in events, both libraries. */
    static final int QUEUE = Integer.getInteger("bench.forward.queue", 10_000);
    /** Whether Segment's sockets set TCP_NODELAY. */
    static final boolean SEGMENT_NODELAY = Boolean.parseBoolean(System.getProperty("bench.forward.nodelay", "true"));
    /** Longest wait of a queued event for its batch, both libraries. */
    private static final Duration LINGER = Duration.ofSeconds(1);
    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(120);
    /** Interval between two samples of the sink's count, {@code max} mode. */
    private static final long SAMPLE_MAX_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** Interval between two samples of the sink's count, {@code rate} mode. */
    private static final long SAMPLE_RATE_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Shortest sleep of a paced producer: at most 1,000 wake-ups a second each, whatever the rate. */
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private ForwardingRace() {
    }

    /** One library's way to accept events. */
    private interface Forwarder extends AutoCloseable {
        /** Hands over event {@code n}, waiting (not spinning) while the library has no room. */
        void send(long n);

        /** Asks the library to send what it holds now rather than after its linger time. */
        void flushNow();

        /** @return the events the sink counted for this library */
        long delivered(long[] sinkCounts);

        /** @return times the producers found the queue full (-1: not known for this library) */
        long fullQueueWaits();

        @Override
        void close();
    }

    /**
     * @param args {@code lytics|segment|none max [events]} (default 200,000),
     *             {@code lytics|segment|none rate <events/s> <seconds> [<warm-up seconds>]}, or the former
     *             {@code lytics|segment <events>} (= {@code max})
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 1 || !List.of("lytics", "segment", "none").contains(args[0])) {
            usage();
        }
        String lib = args[0];
        String mode = "max";
        int at = 1;
        if (args.length > 1 && (args[1].equals("max") || args[1].equals("rate"))) {
            mode = args[1];
            at = 2;
        }
        List<double[]> phases = new ArrayList<>(); // {events, rate (0 = as fast as possible)}
        if (mode.equals("max")) {
            long events = args.length > at ? Long.parseLong(args[at]) : 200_000;
            phases.add(new double[] {events, 0});
            phases.add(new double[] {events, 0});
        } else if (mode.equals("rate") && args.length > at + 1) {
            double rate = Double.parseDouble(args[at]);
            double seconds = Double.parseDouble(args[at + 1]);
            double warmUp = args.length > at + 2 ? Double.parseDouble(args[at + 2]) : 20;
            phases.add(new double[] {Math.round(rate * warmUp), rate});
            phases.add(new double[] {Math.round(rate * seconds), rate});
        } else {
            usage();
        }
        System.out.printf(Locale.ROOT, "settings: %s, mode %s; batches of %d events, queue bound %d events (producers wait"
                + " when full), linger %d ms, TCP_NODELAY: lytics on (Apache HttpClient 5 default), segment %s; %d producers%n",
                lib, mode, BATCH, QUEUE, LINGER.toMillis(), SEGMENT_NODELAY ? "on" : "off (OkHttp default)", PRODUCERS);
        try (SinkProcess sink = new SinkProcess()) {
            for (int i = 0; i < phases.size(); i++) {
                phase(sink, lib, i == 0 ? "warm-up" : "measured", (long) phases.get(i)[0], phases.get(i)[1]);
            }
        }
    }

    private static void usage() {
        System.err.println("usage: ForwardingRace lytics|segment|none max [events]");
        System.err.println("       ForwardingRace lytics|segment|none rate <events/s> <seconds> [<warm-up seconds>]");
        System.exit(2);
    }

    /** Runs one phase on a fresh library instance and prints its figures. */
    private static void phase(SinkProcess sink, String lib, String phase, long events, double rate) throws Exception {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        AtomicLong producerCpu = new AtomicLong();
        AtomicLong maxLagNanos = new AtomicLong();
        Forwarder f = switch (lib) {
            case "lytics" -> lytics(sink);
            case "segment" -> segment(sink);
            default -> none();
        };
        long base = f.delivered(sink.counts());
        sink.resetPosts();
        long workerCpu0 = workerCpu(lib);
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        // each producer's events are due every `period` ns, the two producers interleaved
        long period = rate > 0 ? (long) (PRODUCERS * 1e9 / rate) : 0;
        List<Thread> producers = new ArrayList<>();
        for (int p = 0; p < PRODUCERS; p++) {
            int id = p;
            Thread t = new Thread(() -> {
                long lag = 0;
                for (long n = id, k = 0; n < events; n += PRODUCERS, k++) {
                    if (period > 0) {
                        long due = t0 + k * period + id * period / PRODUCERS;
                        long now = System.nanoTime();
                        if (now < due) {
                            // sleep at least a tick: the events due meanwhile then go out together
                            LockSupport.parkNanos(Math.max(due - now, TICK_NANOS));
                        } else {
                            lag = Math.max(lag, now - due);
                        }
                    }
                    f.send(n);
                }
                producerCpu.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
                long l = lag;
                maxLagNanos.accumulateAndGet(l, Math::max);
            }, "producer-" + p);
            producers.add(t);
            t.start();
        }
        // this thread samples the sink's count every `every` ns while the producers run and until delivery is complete
        long every = rate > 0 ? SAMPLE_RATE_NANOS : SAMPLE_MAX_NANOS;
        DeliverySeries series = new DeliverySeries();
        long nextSample = t0 + every;
        for (Thread t : producers) {
            while (t.isAlive()) {
                long now = System.nanoTime();
                if (now >= nextSample) {
                    series.add(now - t0, f.delivered(sink.counts()) - base);
                    nextSample = DeliverySeries.nextSampleTime(nextSample, now, every);
                } else {
                    TimeUnit.NANOSECONDS.timedJoin(t, nextSample - now); // returns as soon as t ends
                }
            }
        }
        long offeredNanos = System.nanoTime() - t0;
        f.flushNow();
        long delivered;
        while (true) {
            long now = System.nanoTime();
            delivered = f.delivered(sink.counts()) - base;
            if (now >= nextSample) {
                series.add(now - t0, delivered);
                nextSample = DeliverySeries.nextSampleTime(nextSample, now, every);
            }
            if (delivered >= events || now - t0 >= GIVE_UP_NANOS) {
                break;
            }
            LockSupport.parkNanos(Math.min(TimeUnit.MILLISECONDS.toNanos(5), Math.max(1, nextSample - now)));
        }
        long nanos = System.nanoTime() - t0;
        series.finish(nanos, delivered, every);
        long cpu = os.getProcessCpuTime() - cpu0;
        long worker = workerCpu(lib) - workerCpu0;
        String[] posts = sink.posts();
        f.close();
        String label = lib + " " + phase + (rate > 0 ? String.format(Locale.ROOT, " rate %.0f/s", rate) : " max");
        long perEvent = Math.max(1, delivered);
        System.out.printf(Locale.ROOT, "%s: %d of %d delivered in %.3f s = %.0f events/s; CPU %.3f s = %.2f µs/event;"
                        + " producers done after %.3f s, at most %.1f ms behind schedule; full-queue waits %s%n",
                label, delivered, events, nanos / 1e9, delivered / (nanos / 1e9), cpu / 1e9, cpu / 1e3 / perEvent,
                offeredNanos / 1e9, maxLagNanos.get() / 1e6, f.fullQueueWaits() < 0 ? "not counted" : f.fullQueueWaits());
        System.out.printf(Locale.ROOT, "%s: CPU per delivered event: sending threads %.2f µs, producers %.2f µs,"
                + " rest of the process (JVM: GC, JIT; main) %.2f µs%n", label, worker / 1e3 / perEvent,
                producerCpu.get() / 1e3 / perEvent, (cpu - worker - producerCpu.get()) / 1e3 / perEvent);
        if (!lib.equals("none")) {
            System.out.println(label + ": sink " + (lib.equals("lytics") ? posts[0] : posts[1]));
        }
        if (phase.equals("measured")) {
            System.out.printf(Locale.ROOT, "%s: delivery over time, the sink's count every %d ms and at the end (which"
                    + " replaces the sample before it if less than half an interval later): seconds since the first event,"
                    + " events delivered by then, events/s since the previous line%n",
                    label, TimeUnit.NANOSECONDS.toMillis(every));
            for (int i = 0; i < series.size(); i++) {
                System.out.println(series.line(label, i));
            }
        }
        if (delivered < events) {
            System.out.println(label + ": INCOMPLETE: " + (events - delivered) + " events not delivered within "
                    + TimeUnit.NANOSECONDS.toSeconds(GIVE_UP_NANOS) + " s");
        }
    }

    /**
     * CPU time of the library's own sending threads alive now ({@code lytics-collector} for this
     * library; Segment's looper and network threads are named "Analytics"; OkHttp's pool threads
     * "OkHttp").
     */
    private static long workerCpu(String lib) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            String name = info.getThreadName();
            boolean sending = switch (lib) {
                case "lytics" -> name.startsWith(EventCollector.THREAD_NAME);
                case "segment" -> name.startsWith("Analytics") || name.startsWith("OkHttp");
                default -> false;
            };
            if (sending) {
                sum += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return sum;
    }

    /** The harness alone: the producers' pacing and this JVM, no library; every event counts as delivered at once. */
    private static Forwarder none() {
        AtomicLong sent = new AtomicLong();
        return new Forwarder() {
            @Override
            public void send(long n) {
                sent.incrementAndGet();
            }

            @Override
            public void flushNow() {
            }

            @Override
            public long delivered(long[] sinkCounts) {
                return sent.get();
            }

            @Override
            public long fullQueueWaits() {
                return 0;
            }

            @Override
            public void close() {
            }
        };
    }

    private static Forwarder lytics(SinkProcess sink) {
        LyticsClient client = LyticsClient.builder().baseUri(sink.baseUri()).token("bench-token").build();
        CollectorSettings defaults = CollectorSettings.defaults();
        EventCollector collector = new EventCollector(client, CollectorSettings.builder()
                .queueLimits(QUEUE, defaults.maxQueueBytes())
                .batchLimits(BATCH, defaults.maxBatchBytes())
                .linger(LINGER)
                .build());
        AtomicLong backoffs = new AtomicLong();
        return new Forwarder() {
            @Override
            public void send(long n) {
                var event = PageViews.pageView(n % 10_000, n);
                while (!collector.offer(event)) { // full: a page would drop it; the benchmark waits instead
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
            public long fullQueueWaits() {
                return backoffs.get();
            }

            @Override
            public void close() {
                collector.shutdown(Duration.ofSeconds(10));
                client.close();
            }
        };
    }

    /** An OkHttp client as Segment's default one (15 s timeouts), its sockets with TCP_NODELAY as configured. */
    static OkHttpClient segmentHttpClient(boolean noDelay) {
        OkHttpClient.Builder b = new OkHttpClient.Builder()
                .connectTimeout(15, TimeUnit.SECONDS)
                .readTimeout(15, TimeUnit.SECONDS)
                .writeTimeout(15, TimeUnit.SECONDS);
        if (noDelay) {
            b.socketFactory(new NoDelaySocketFactory());
        }
        return b.build();
    }

    private static Forwarder segment(SinkProcess sink) {
        Analytics analytics = Analytics.builder("bench-write-key")
                .endpoint(sink.baseUri().toString().replaceAll("/$", ""))
                .client(segmentHttpClient(SEGMENT_NODELAY))
                .flushQueueSize(BATCH)
                .queueCapacity(QUEUE) // enqueue blocks while it is full
                .flushInterval(LINGER.toMillis(), TimeUnit.MILLISECONDS)
                .build();
        return new Forwarder() {
            @Override
            public void send(long n) {
                Map<String, Object> properties = new LinkedHashMap<>();
                properties.put("url", "www.example.org/articles/article-" + n + "?utm_source=newsletter");
                properties.put("referrer", "search.example.net/search?q=tea");
                properties.put("utm_source", "newsletter");
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
            public long fullQueueWaits() {
                return -1;
            }

            @Override
            public void close() {
                analytics.flush();
                analytics.shutdown();
            }
        };
    }
}
