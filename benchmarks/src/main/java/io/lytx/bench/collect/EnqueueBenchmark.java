package io.lytx.bench.collect;

import io.lytx.client.LyticsClient;
import io.lytx.servlet.PageRequest;
import io.lytx.servlet.PageViewEvents;
import io.lytx.servlet.collect.CollectEvent;
import io.lytx.servlet.collect.RandomUuid;
import io.lytx.servlet.config.ClientIpMode;
import io.lytx.servlet.identity.Identity;
import io.lytx.servlet.collect.CollectorSettings;
import io.lytx.servlet.collect.EventCollector;
import java.net.URI;
import java.time.Duration;
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
 * Cost of {@link EventCollector#offer} on the request thread, with 1, 4 and 16 threads offering at
 * once (on this 2-core machine 4 and 16 threads mean contention and time slicing).
 *
 * <p>{@code offer*} measures the accepted path: a fresh collector per iteration whose queue is large
 * enough that nothing is dropped within the short iteration; its worker cannot deliver (the upstream
 * port refuses connections) so it only sleeps in backoff and does not compete for the CPU.
 * Iteration tear-down prints a warning if anything was dropped. {@code buildAndOffer*} adds
 * building an event of the same fields with the builder; {@code pageViewAndOffer*} builds the
 * filter's own page view ({@code CollectEvent.of(PageView)} from the request facts, with a fresh
 * page-view id), as the filter does on each page. {@code offerWhenFull} is the drop
 * path of a full queue (what a dead upstream leads to).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar Enqueue -prof gc}.
 */
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class EnqueueBenchmark {

    /** A port on which nothing listens: the worker's posts are refused at once. */
    static final URI REFUSING = URI.create("http://127.0.0.1:9/");

    /** A collector with room for every event of one iteration. */
    @State(Scope.Benchmark)
    public static class RoomyCollector {
        LyticsClient client;
        EventCollector collector;

        /** Starts an empty collector. */
        @Setup(Level.Iteration)
        public void start() {
            client = LyticsClient.builder().baseUri(REFUSING).token("bench-token").build();
            collector = new EventCollector(client, CollectorSettings.builder()
                    .queueLimits(CollectorSettings.MAX_QUEUE_EVENTS_LIMIT, CollectorSettings.MAX_QUEUE_BYTES_LIMIT).build());
        }

        /** Stops it, reporting drops (there should be none). */
        @TearDown(Level.Iteration)
        public void stop() {
            long dropped = collector.metrics().dropped();
            long enqueued = collector.metrics().enqueued();
            collector.shutdown(Duration.ZERO);
            client.close();
            if (dropped > 0) {
                System.out.println("WARNING: " + dropped + " of " + (dropped + enqueued) + " offers dropped in this iteration");
            }
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
            CollectEvent e = PageViews.event(1, 1);
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

    /** The event a thread offers again and again (the queue may hold one object many times). */
    @State(Scope.Thread)
    public static class Event {
        final CollectEvent event = PageViews.event(42, 7);
        long page;
    }

    /** The request facts and visitor of a typical page, as the filter reads them. */
    @State(Scope.Thread)
    public static class Page {
        final PageViewEvents events = new PageViewEvents(true, ClientIpMode.ANONYMIZED);
        final PageRequest request = new PageRequest("https", "www.example.org", 443, "/articles/green-tea",
                "utm_source=newsletter", "https://www.example.org/search?q=tea", "en-US,en;q=0.9",
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
                "203.0.113.77");
        final Identity visitor = new Identity("21c033ae-567a-49b1-9935-35e79a056559", false, null, null);
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

    /** @return whether the event was queued */
    @Benchmark
    @Threads(1)
    public boolean buildAndOfferT1(RoomyCollector c, Event e) {
        return c.collector.offer(PageViews.event(42, e.page++));
    }

    /** @return whether the event was queued */
    @Benchmark
    @Threads(4)
    public boolean buildAndOfferT4(RoomyCollector c, Event e) {
        return c.collector.offer(PageViews.event(42, e.page++));
    }

    /** @return whether the event was queued */
    @Benchmark
    @Threads(16)
    public boolean buildAndOfferT16(RoomyCollector c, Event e) {
        return c.collector.offer(PageViews.event(42, e.page++));
    }

    /** @return whether the event was queued */
    @Benchmark
    @Threads(1)
    public boolean pageViewAndOfferT1(RoomyCollector c, Page p) {
        return c.collector.offer(p.events.pageView(p.request, p.visitor, RandomUuid.next(), System.currentTimeMillis()));
    }

    /** @return whether the event was queued */
    @Benchmark
    @Threads(4)
    public boolean pageViewAndOfferT4(RoomyCollector c, Page p) {
        return c.collector.offer(p.events.pageView(p.request, p.visitor, RandomUuid.next(), System.currentTimeMillis()));
    }

    /** @return whether the event was queued (false: dropped and counted) */
    @Benchmark
    @Threads(4)
    public boolean offerWhenFullT4(FullCollector c, Event e) {
        return c.collector.offer(e.event);
    }
}
