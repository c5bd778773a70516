package io.lytx.servlet.internal.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedEventQueueTest {

    private static CollectEvent event(int n) {
        return CollectEvent.builder().id("id-" + n).put("n", Integer.toString(n)).build();
    }

    @Test
    void countBoundDropsTheNewest() {
        BoundedEventQueue queue = new BoundedEventQueue(3, 1_000_000, 100, 1_000_000);
        assertThat(queue.offer(event(1))).isNotEqualTo(BoundedEventQueue.DROPPED);
        assertThat(queue.offer(event(2))).isNotEqualTo(BoundedEventQueue.DROPPED);
        assertThat(queue.offer(event(3))).isNotEqualTo(BoundedEventQueue.DROPPED);
        assertThat(queue.offer(event(4))).isEqualTo(BoundedEventQueue.DROPPED);
        assertThat(queue.size()).isEqualTo(3);

        assertThat(queue.poll().id()).isEqualTo("id-1");
        assertThat(queue.offer(event(5))).as("polling frees room").isNotEqualTo(BoundedEventQueue.DROPPED);
        assertThat(List.of(queue.poll().id(), queue.poll().id(), queue.poll().id())).containsExactly("id-2", "id-3", "id-5");
        assertThat(queue.poll()).isNull();
        assertThat(queue.size()).isZero();
        assertThat(queue.bytes()).isZero();
    }

    @Test
    void relayedEventsFillOnlyTheirShareSoPageViewsAlwaysFindRoom() {
        BoundedEventQueue queue = new BoundedEventQueue(10, 1_000_000, 100, 1_000_000, 20);
        // input: a flood of browser events, far more than the queue holds
        int relayedQueued = 0;
        for (int i = 0; i < 50; i++) {
            CollectEvent browser = CollectEvent.builder().relayed().id("b-" + i).put("_e", "click").build();
            relayedQueued += queue.offer(browser) == BoundedEventQueue.DROPPED ? 0 : 1;
        }
        assertThat(relayedQueued).as("20 %% of 10 events").isEqualTo(2);
        assertThat(queue.relayedSize()).isEqualTo(2);
        for (int i = 0; i < 8; i++) {
            assertThat(queue.offer(event(i))).as("page view %d", i).isNotEqualTo(BoundedEventQueue.DROPPED);
        }
        assertThat(queue.offer(event(9))).as("the queue itself is full").isEqualTo(BoundedEventQueue.DROPPED);

        assertThat(queue.poll().id()).isEqualTo("b-0");
        assertThat(queue.relayedSize()).as("polling a relayed event gives its share back").isEqualTo(1);
        assertThat(queue.offer(CollectEvent.builder().relayed().id("b-late").put("_e", "click").build()))
                .isNotEqualTo(BoundedEventQueue.DROPPED);
        assertThat(queue.offer(CollectEvent.builder().relayed().id("b-over").put("_e", "click").build()))
                .as("share full again").isEqualTo(BoundedEventQueue.DROPPED);
        assertThat(queue.relayedSize()).isEqualTo(2);
    }

    @Test
    void byteBoundCountsEstimatedBytes() {
        int size = event(1).estimatedBytes();
        BoundedEventQueue queue = new BoundedEventQueue(1000, 2L * size + size / 2, 100, 1_000_000);
        queue.offer(event(1));
        queue.offer(event(2));
        assertThat(queue.bytes()).isEqualTo(2L * size);
        assertThat(queue.offer(event(3))).as("2.5 events of room").isEqualTo(BoundedEventQueue.DROPPED);
        queue.poll();
        assertThat(queue.offer(event(3))).isNotEqualTo(BoundedEventQueue.DROPPED);
    }

    @Test
    void theConsumerIsWokenWhenTheQueueStopsBeingEmptyAndWhenABatchFills() {
        int size = event(1).estimatedBytes();
        BoundedEventQueue queue = new BoundedEventQueue(1000, 1_000_000, 3, 1_000_000);
        assertThat(queue.offer(event(1))).as("first event").isEqualTo(BoundedEventQueue.QUEUED_WAKE);
        assertThat(queue.offer(event(2))).isEqualTo(BoundedEventQueue.QUEUED);
        assertThat(queue.batchReady()).isFalse();
        assertThat(queue.offer(event(3))).as("third event fills a batch").isEqualTo(BoundedEventQueue.QUEUED_WAKE);
        assertThat(queue.batchReady()).isTrue();
        assertThat(queue.offer(event(4))).isEqualTo(BoundedEventQueue.QUEUED);

        BoundedEventQueue byBytes = new BoundedEventQueue(1000, 1_000_000, 1000, 2L * size);
        assertThat(byBytes.offer(event(1))).isEqualTo(BoundedEventQueue.QUEUED_WAKE);
        assertThat(byBytes.offer(event(2))).as("two events fill the batch bytes").isEqualTo(BoundedEventQueue.QUEUED_WAKE);
        assertThat(byBytes.batchReady()).isTrue();
        assertThat(byBytes.offer(event(3))).isEqualTo(BoundedEventQueue.QUEUED);
    }

    @Test
    void concurrentProducersNeverOvershootTheBound() throws Exception {
        int bound = 1_000;
        int threads = 4;
        int perThread = 20_000;
        BoundedEventQueue queue = new BoundedEventQueue(bound, Long.MAX_VALUE >>> 30, 500, 1_000_000);
        AtomicInteger accepted = new AtomicInteger();
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int base = t * perThread;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        if (queue.offer(event(base + i)) != BoundedEventQueue.DROPPED) {
                            accepted.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(accepted.get()).isEqualTo(bound);
        assertThat(queue.size()).isEqualTo(bound);
        Set<String> ids = new HashSet<>();
        for (CollectEvent e; (e = queue.poll()) != null; ) {
            ids.add(e.id());
        }
        assertThat(ids).hasSize(bound);
        assertThat(queue.bytes()).isZero();
    }
}
