package io.lytx.servlet.internal.collect;

import static io.lytx.servlet.internal.collect.CollectorFixture.pageView;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lytx.client.LyticsClient;
import io.lytx.servlet.internal.collect.CollectStub.Reply;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A slow or dead Lytics never makes the queue grow past its bounds, and every drop is counted. */
class CollectorBackpressureTest {

    @Test
    void aFullQueueDropsTheNewestEventsAndCountsThem() throws Exception {
        CollectorSettings settings = CollectorFixture.fast()
                .queueLimits(5, 1024 * 1024)
                .batchLimits(1, 1024 * 1024).linger(Duration.ofHours(1)).build();
        try (CollectorFixture f = CollectorFixture.start(settings)) {
            f.stub.thenReply(Reply.hanging());
            CollectEvent inFlight = pageView(0);
            f.collector.offer(inFlight);
            await().until(() -> f.stub.received().size() == 1); // the worker is stuck on event 0

            List<CollectEvent> queued = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                CollectEvent event = pageView(i);
                assertThat(f.collector.offer(event)).as("event %s fits", i).isTrue();
                queued.add(event);
            }
            CollectEvent sixth = pageView(6);
            CollectEvent seventh = pageView(7);
            assertThat(f.collector.offer(sixth)).as("queue holds 5: the 6th waiting event is dropped").isFalse();
            assertThat(f.collector.offer(seventh)).isFalse();
            assertThat(f.collector.metrics().dropped()).isEqualTo(2);
            assertThat(f.collector.metrics().queueDepth()).isEqualTo(5);

            f.stub.releaseHangs(); // event 0 gets a 503, is retried, then everything flows
            assertThat(f.collector.flush(Duration.ofSeconds(10))).isTrue();

            List<String> expected = new ArrayList<>(List.of(inFlight.id(), inFlight.id()));
            queued.forEach(e -> expected.add(e.id()));
            assertThat(f.stub.receivedIds()).as("the oldest were kept, the newest dropped")
                    .containsExactlyElementsOf(expected)
                    .doesNotContain(sixth.id(), seventh.id());
        }
    }

    @Test
    void theQueueIsBoundedInBytesToo() throws Exception {
        int eventBytes = pageView(1).estimatedBytes();
        CollectorSettings settings = CollectorFixture.fast()
                .queueLimits(1_000, 3L * eventBytes)
                .batchLimits(1, 1024 * 1024).linger(Duration.ofHours(1)).build();
        try (CollectorFixture f = CollectorFixture.start(settings)) {
            f.stub.thenReply(Reply.hanging());
            f.collector.offer(pageView(0));
            await().until(() -> f.stub.received().size() == 1);

            assertThat(f.collector.offer(pageView(1))).isTrue();
            assertThat(f.collector.offer(pageView(2))).isTrue();
            assertThat(f.collector.offer(pageView(3))).isTrue();
            assertThat(f.collector.offer(pageView(4))).as("three events fill the byte bound").isFalse();
            assertThat(f.collector.metrics().queueBytes()).isEqualTo(3L * eventBytes);
            assertThat(f.collector.metrics().dropped()).isEqualTo(1);
        }
    }

    @Test
    void aDeadUpstreamKeepsMemoryBoundedAndEveryEventIsAccountedFor() throws Exception {
        URI refused;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            refused = URI.create("http://127.0.0.1:" + probe.getLocalPort());
        } // closed: connections to this port are refused
        int maxQueue = 200;
        CollectorSettings settings = CollectorSettings.builder()
                .queueLimits(maxQueue, 1024 * 1024)
                .batchLimits(50, 1024 * 1024).linger(Duration.ofMillis(20))
                .maxRetryTime(Duration.ofMillis(100)).backoff(Duration.ofMillis(5), Duration.ofMillis(20)).maxRetryAfter(Duration.ofSeconds(1)).build();
        int threads = 4;
        long failedBatchesToWaitFor = 3;
        AtomicLong offered = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        AtomicInteger maxDepthSeen = new AtomicInteger();
        AtomicLong maxBytesSeen = new AtomicLong();
        try (LyticsClient client = CollectorFixture.client(refused, Duration.ofSeconds(1))) {
            EventCollector collector = new EventCollector(client, settings);
            CollectorMetrics m = collector.metrics();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    done.add(pool.submit(() -> {
                        // keep offering while Lytics stays down, until the worker has given up a few batches
                        for (int i = 0; m.failed() < failedBatchesToWaitFor * 50 && i < 20_000_000; i++) {
                            offered.incrementAndGet();
                            if (collector.offer(pageView(i))) {
                                accepted.incrementAndGet();
                            }
                            maxDepthSeen.accumulateAndGet(m.queueDepth(), Math::max);
                            maxBytesSeen.accumulateAndGet(m.queueBytes(), Math::max);
                        }
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            ShutdownReport report = collector.shutdown(Duration.ofMillis(200));

            assertThat(m.failed()).isGreaterThanOrEqualTo(failedBatchesToWaitFor * 50);
            assertThat(maxDepthSeen.get()).isLessThanOrEqualTo(maxQueue);
            assertThat(maxBytesSeen.get()).isLessThanOrEqualTo(1024 * 1024);
            assertThat(m.enqueued()).isEqualTo(accepted.get());
            assertThat(m.enqueued() + m.dropped()).as("every offer is either queued or dropped").isEqualTo(offered.get());
            assertThat(m.dropped()).as("events are dropped while Lytics is down").isGreaterThan(0);
            assertThat(m.sent()).isZero();
            assertThat(m.failed()).as("every queued event ends as failed").isEqualTo(m.enqueued());
            assertThat(m.retried()).isGreaterThan(0);
            assertThat(report.workerStopped()).isTrue();
            assertThat(report.unsent()).isLessThanOrEqualTo(maxQueue + 50);
            assertThat(m.queueDepth()).isZero();
            assertThat(m.lastError()).hasValueSatisfying(e -> assertThat(e.message()).contains("Connection"));
        }
    }
}
