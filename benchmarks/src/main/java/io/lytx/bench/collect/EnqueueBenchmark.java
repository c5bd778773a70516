package io.lytx.bench.collect;

import io.lytx.bench.servlet.FakeRequest;
import io.lytx.bench.support.Visitors;
import io.lytx.client.LyticsClient;
import io.lytx.servlet.Identity;
import io.lytx.servlet.internal.collect.CollectEvent;
import io.lytx.servlet.internal.collect.CollectorSettings;
import io.lytx.servlet.internal.collect.EventCollector;
import io.lytx.servlet.internal.page.PageRequest;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of queueing a page view on the request thread, with 1, 4 and 16 threads at once (on this
 * 2-core machine 4 and 16 threads mean contention and time slicing).
 *
 * <p>{@code pageView*} is the filter's path after it has resolved the visitor: copy the request
 * facts ({@link PageRequest#from}), build the page-view event as the filter does
 * ({@link PageViews#pageView(Identity, PageRequest, String)}, which goes through the filter's public
 * entry point) and {@link EventCollector#offer offer} it. {@code offer*} is the offer alone, of one
 * event built in advance. Both use a fresh collector per iteration whose queue is large enough that
 * nothing is dropped within the short iteration; its worker cannot deliver (the upstream port
 * refuses connections) so it only sleeps in backoff and does not compete for the CPU. Iteration
 * tear-down prints the events queued and dropped (there must be none). {@code offerWhenFull} is the
 * drop path of a full queue (what a dead upstream leads to). The queue holds millions of live events
 * by the end of an iteration, which a site would have sent long before: so that collections inside
 * the measured time do not copy them (a cost of the benchmark, not of queueing), the young
 * generation is 3 GB and a full collection runs before each iteration, outside the measured time.
 *
 * <p>AverageTime gives the mean without a timer call per operation; SampleTime gives the median and
 * p99 (and a mean that includes the timer). Run:
 * {@code java -jar benchmarks/target/benchmarks.jar Enqueue -prof gc}.
 */
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-Xmn3g"})
public class EnqueueBenchmark {

    /** A port on which nothing listens: the worker's posts are refused at once. */
    static final URI REFUSING = URI.create("http://127.0.0.1:9/");

    /** A collector with room for every event of one iteration. */
    @State(Scope.Benchmark)
    public static class RoomyCollector {
        LyticsClient client;
        EventCollector collector;

        /** Collects the last iteration's garbage (its queue), then starts an empty collector. */
        @Setup(Level.Iteration)
        public void start() {
            System.gc();
            client = LyticsClient.builder().baseUri(REFUSING).token("bench-token").build();
            collector = new EventCollector(client, CollectorSettings.builder()
                    .queueLimits(CollectorSettings.MAX_QUEUE_EVENTS_LIMIT, CollectorSettings.MAX_QUEUE_BYTES_LIMIT).build());
        }

        /** Stops it, printing what was queued and dropped (there must be no drop). */
        @TearDown(Level.Iteration)
        public void stop() {
            long dropped = collector.metrics().dropped();
            long enqueued = collector.metrics().enqueued();
            collector.shutdown(Duration.ZERO);
            client.close();
            System.out.print(" [queued " + enqueued + ", dropped " + dropped + (dropped > 0 ? ": NOT VALID" : "") + "]");
        }
    }

    /** A collector whose small queue is already full: every offer is dropped. */
    @State(Scope.Benchmark)
    public static class FullCollector {
        LyticsClient client;
        EventCollector collector;
        final AtomicLong accepted = new AtomicLong();

        /** Starts a collector and fills its queue. */
        @Setup(Level.Iteration)
        public void start() {
            client = LyticsClient.builder().baseUri(REFUSING).token("bench-token").build();
            collector = new EventCollector(client, CollectorSettings.builder().queueLimits(1_000, 1_000_000).build());
            CollectEvent e = PageViews.pageView(1, 1);
            while (collector.offer(e)) {
                accepted.incrementAndGet();
            }
        }

        /** Stops it. */
        @TearDown(Level.Iteration)
        public void stop() {
            collector.shutdown(Duration.ZERO);
            client.close();
        }
    }

    /**
     * A thread's page: the request, its visitor and page-view id as the filter has them when it
     * queues the page view, and one event built in advance that the {@code offer*} benchmarks offer
     * again and again (the queue may hold one object many times).
     */
    @State(Scope.Thread)
    public static class Event {
        final FakeRequest request = Visitors.pageRequest(Visitors.id(42), "/articles/green-tea");
        final Identity identity = PageViews.visitor(42);
        final String pageViewId = Long.toHexString(ThreadLocalRandom.current().nextLong());
        final CollectEvent event = PageViews.pageView(42, 7);

        CollectEvent pageView() {
            return PageViews.pageView(identity, PageRequest.from(request), pageViewId);
        }
    }

    /** @return whether the event was queued */
    @Benchmark
    @Threads(1)
    public boolean offerT1(RoomyCollector c, Event e) {
        return c.collector.offer(e.event);
    }

    /** @return whether the event was queued */
    @Benchmark
    @Threads(4)
    public boolean offerT4(RoomyCollector c, Event e) {
        return c.collector.offer(e.event);
    }

    /** @return whether the event was queued */
    @Benchmark
    @Threads(16)
    public boolean offerT16(RoomyCollector c, Event e) {
        return c.collector.offer(e.event);
    }

    /** @return whether the page view was queued */
    @Benchmark
    @Threads(1)
    public boolean pageViewT1(RoomyCollector c, Event e) {
        return c.collector.offer(e.pageView());
    }

    /** @return whether the page view was queued */
    @Benchmark
    @Threads(4)
    public boolean pageViewT4(RoomyCollector c, Event e) {
        return c.collector.offer(e.pageView());
    }

    /** @return whether the page view was queued */
    @Benchmark
    @Threads(16)
    public boolean pageViewT16(RoomyCollector c, Event e) {
        return c.collector.offer(e.pageView());
    }

    /** @return whether the event was queued (false: dropped and counted) */
    @Benchmark
    @Threads(4)
    public boolean offerWhenFullT4(FullCollector c, Event e) {
        return c.collector.offer(e.event);
    }
}
