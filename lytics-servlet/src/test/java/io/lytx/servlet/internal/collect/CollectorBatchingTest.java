package io.lytx.servlet.internal.collect;

import static io.lytx.servlet.internal.collect.CollectorFixture.pageView;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Batches are cut by count, by serialized bytes and by linger, and reach Lytics as JSON arrays. */
class CollectorBatchingTest {

    @Test
    void fullBatchesAreSentAtOnceAndTheRestWaitsForLingerOrFlush() throws Exception {
        CollectorSettings settings = CollectorFixture.fast().batchLimits(5, 1024 * 1024).linger(Duration.ofHours(1)).build();
        try (CollectorFixture f = CollectorFixture.start(settings)) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                CollectEvent event = pageView(i);
                ids.add(event.id());
                assertThat(f.collector.offer(event)).isTrue();
            }

            await().untilAsserted(() -> assertThat(f.stub.batchSizes()).containsExactly(5, 5));
            assertThat(f.collector.metrics().queueDepth())
                    .as("the last 2 events wait: linger is an hour and no batch is full")
                    .isEqualTo(2);

            assertThat(f.collector.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(f.stub.batchSizes()).containsExactly(5, 5, 2);
            assertThat(f.stub.receivedIds()).as("every event once, in offer order").containsExactlyElementsOf(ids);
            assertThat(f.stub.received()).allSatisfy(r -> assertThat(r.path()).isEqualTo("/collect/json/default"));
            assertThat(f.collector.metrics().sent()).isEqualTo(12);
            assertThat(f.collector.metrics().batches()).isEqualTo(3);
            assertThat(f.collector.metrics().queueDepth()).isZero();
            assertThat(f.collector.metrics().queueBytes()).isZero();
        }
    }

    @Test
    void batchesAreCutSoThatNoBodyExceedsTheByteLimit() throws Exception {
        // all events have the same ASCII size, so the array of three is 1 + 3 * estimatedBytes long
        int eventBytes = pageView(100).estimatedBytes();
        long maxBatchBytes = 3L * eventBytes + 1;
        CollectorSettings settings = CollectorFixture.fast()
                .batchLimits(500, maxBatchBytes).linger(Duration.ofHours(1)).build();
        try (CollectorFixture f = CollectorFixture.start(settings)) {
            for (int i = 100; i < 107; i++) {
                assertThat(f.collector.offer(pageView(i))).isTrue();
            }

            assertThat(f.collector.flush(Duration.ofSeconds(10))).isTrue();

            assertThat(f.stub.receivedIds()).hasSize(7);
            assertThat(f.stub.batchSizes().get(0)).as("the first batch is full: 3 events fill the byte limit").isEqualTo(3);
            assertThat(f.stub.batchSizes()).allSatisfy(size -> assertThat(size).isBetween(1, 3));
            assertThat(f.stub.received()).allSatisfy(r -> assertThat((long) r.body().length)
                    .as("body of %s events", r.events().size())
                    .isLessThanOrEqualTo(maxBatchBytes));
            assertThat(f.stub.received().get(0).body()).hasSize((int) maxBatchBytes);
        }
    }

    @Test
    void aFewEventsAreSentTogetherOnceTheLingerHasPassed() throws Exception {
        Duration linger = Duration.ofMillis(300);
        CollectorSettings settings = CollectorFixture.fast().batchLimits(100, 1024 * 1024).linger(linger).build();
        try (CollectorFixture f = CollectorFixture.start(settings)) {
            long offeredAt = System.nanoTime();
            IntStream.range(0, 3).forEach(i -> f.collector.offer(pageView(i)));

            await().untilAsserted(() -> assertThat(f.stub.batchSizes()).containsExactly(3));
            long waited = f.stub.received().get(0).nanoTime() - offeredAt;
            assertThat(Duration.ofNanos(waited)).as("the batch waited for the linger").isGreaterThanOrEqualTo(linger);
        }
    }

    @Test
    void eachEventIsAFlatObjectWithItsIdAndFields() throws Exception {
        try (CollectorFixture f = CollectorFixture.start(CollectorFixture.fast().stream("web_events").build())) {
            CollectEvent event = CollectEvent.builder()
                    .put("_e", "pv")
                    .put("url", "www.example.org/caf\u00e9?q=\"x\"")
                    .put("_ul", "fr-FR")
                    .put("title", "line1\nline2\t\u2603 \ud83d\ude00")
                    .build();
            f.collector.offer(event);
            assertThat(f.collector.flush(Duration.ofSeconds(10))).isTrue();

            assertThat(f.stub.received()).singleElement().satisfies(r -> {
                assertThat(r.path()).isEqualTo("/collect/json/web_events");
                assertThat(r.headers().get("Content-type")).anySatisfy(v -> assertThat(v).startsWith("application/json"));
                JsonObject sent = r.events().get(0);
                assertThat(sent.getString("_eid")).isEqualTo(event.id());
                assertThat(sent.getString("_e")).isEqualTo("pv");
                assertThat(sent.getString("url")).isEqualTo("www.example.org/caf\u00e9?q=\"x\"");
                assertThat(sent.getString("_ul")).isEqualTo("fr-FR");
                assertThat(sent.getString("title")).isEqualTo("line1\nline2\t\u2603 \ud83d\ude00");
                assertThat(sent.keySet()).containsExactly("_eid", "_e", "url", "_ul", "title");
            });
        }
    }

    @Test
    void anEventWhoseFieldsThrowIsLeftOutAndCountedWithoutStoppingTheWorker() throws Exception {
        EventFields broken = failing(out -> {
            out.field("_e", "pv");
            out.field("url", "half written \ud83d");
        });
        try (CollectorFixture f = CollectorFixture.start(CollectorFixture.fast())) {
            CollectEvent first = pageView(1);
            CollectEvent last = pageView(2);
            assertThat(f.collector.offer(first)).isTrue();
            assertThat(f.collector.offer(CollectEvent.of(broken))).isTrue();
            assertThat(f.collector.offer(last)).isTrue();

            assertThat(f.collector.flush(Duration.ofSeconds(10))).as("not every event was delivered").isFalse();

            assertThat(f.stub.receivedIds()).containsExactly(first.id(), last.id());
            assertThat(f.collector.metrics().sent()).isEqualTo(2);
            assertThat(f.collector.metrics().failed()).isEqualTo(1);

            CollectEvent later = pageView(3);
            assertThat(f.collector.offer(later)).isTrue();
            assertThat(f.collector.flush(Duration.ofSeconds(10))).as("the worker still runs").isTrue();
            assertThat(f.stub.receivedIds()).containsExactly(first.id(), last.id(), later.id());
        }
    }

    @Test
    void aBrokenEventAloneInTheQueueIsCountedAndTheFlushEnds() throws Exception {
        EventFields broken = failing(out -> { });
        try (CollectorFixture f = CollectorFixture.start(CollectorFixture.fast())) {
            assertThat(f.collector.offer(CollectEvent.of(broken))).isTrue();

            assertThat(f.collector.flush(Duration.ofSeconds(10))).isFalse();

            assertThat(f.stub.received()).isEmpty();
            assertThat(f.collector.metrics().failed()).isEqualTo(1);
            assertThat(f.collector.metrics().queueDepth()).isZero();
        }
    }

    /** Fields that write what {@code before} writes, then throw as a faulty implementation would. */
    private static EventFields failing(Consumer<EventFields.Writer> before) {
        return new EventFields() {
            @Override
            public int estimatedBytes() {
                return 10;
            }

            @Override
            public void writeTo(Writer out) {
                before.accept(out);
                throw new IllegalStateException("a faulty EventFields");
            }
        };
    }
}
