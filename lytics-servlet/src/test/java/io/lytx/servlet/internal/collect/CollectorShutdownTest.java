package io.lytx.servlet.internal.collect;

import static io.lytx.servlet.internal.collect.CollectorFixture.pageView;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.awaitility.Awaitility.await;

import io.lytx.servlet.internal.collect.CollectStub.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Shutdown flushes within its deadline, reports what it could not send, and leaves no thread. */
class CollectorShutdownTest {

    private static Set<Thread> collectorThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(EventCollector.THREAD_NAME) && t.isAlive())
                .collect(Collectors.toSet());
    }

    @Test
    void theWorkerIsOneNamedDaemonThread() throws Exception {
        Set<Thread> before = collectorThreads();
        try (CollectorFixture f = CollectorFixture.start(CollectorFixture.fast())) {
            Set<Thread> mine = collectorThreads();
            mine.removeAll(before);
            assertThat(mine).singleElement().satisfies(t -> assertThat(t.isDaemon()).isTrue());
            assertThat(f.collector.toString()).contains("stream=default");
        }
    }

    @Test
    void theWorkerParksInsteadOfPolling() throws Exception {
        Set<Thread> before = collectorThreads();
        try (CollectorFixture f = CollectorFixture.start(CollectorFixture.fast())) {
            Set<Thread> mine = collectorThreads();
            mine.removeAll(before);
            Thread worker = mine.iterator().next();

            await().until(() -> worker.getState() == Thread.State.WAITING); // nothing queued: parked, no timeout
            f.collector.offer(pageView(1));
            await().until(() -> worker.getState() == Thread.State.TIMED_WAITING); // lingering until the batch is due
            assertThat(f.stub.received()).as("linger is an hour: nothing sent yet").isEmpty();
        }
    }

    @Test
    void shutdownSendsEverythingQueuedAndJoinsTheWorker() throws Exception {
        Set<Thread> before = collectorThreads();
        try (CollectorFixture f = CollectorFixture.start(CollectorFixture.fast())) {
            List<String> ids = IntStream.range(0, 1_234).mapToObj(CollectorFixture::pageView)
                    .peek(e -> assertThat(f.collector.offer(e)).isTrue()).map(CollectEvent::id).toList();

            ShutdownReport report = f.collector.shutdown(Duration.ofSeconds(5));

            assertThat(report.flushedInTime()).isTrue();
            assertThat(report.unsent()).isZero();
            assertThat(report.workerStopped()).isTrue();
            assertThat(report.elapsed()).isLessThan(Duration.ofSeconds(5));
            assertThat(f.stub.receivedIds()).containsExactlyElementsOf(ids);
            assertThat(f.stub.batchSizes()).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(500));
            assertThat(collectorThreads()).as("no collector thread is left").isEqualTo(before);
        }
    }

    @Test
    void shutdownGivesUpAtTheDeadlineWhenLyticsHangsAndReportsTheUnsent() throws Exception {
        Set<Thread> before = collectorThreads();
        Duration readTimeout = Duration.ofSeconds(1);
        Duration deadline = Duration.ofMillis(300);
        try (CollectorFixture f = CollectorFixture.start(CollectorFixture.fast(), readTimeout)) {
            f.stub.otherwise(Reply.hanging());
            IntStream.range(0, 20).forEach(i -> f.collector.offer(pageView(i)));
            f.collector.flush(Duration.ZERO);
            await().until(() -> f.stub.received().size() == 1);
            assertThat(f.collector.flush(Duration.ofMillis(100))).as("Lytics hangs: the flush misses its deadline").isFalse();

            ShutdownReport report = f.collector.shutdown(deadline);

            assertThat(report.flushedInTime()).isFalse();
            assertThat(report.unsent()).as("all 20 events: none was answered").isEqualTo(20);
            assertThat(report.workerStopped()).isTrue();
            assertThat(report.elapsed()).as("waited for the deadline, then only for the call in flight")
                    .isGreaterThanOrEqualTo(deadline)
                    .isLessThan(deadline.plus(readTimeout).plusSeconds(2));
            assertThat(f.collector.metrics().failed()).isEqualTo(20);
            assertThat(f.stub.received()).as("no retry after the deadline").hasSize(1);
            assertThat(collectorThreads()).as("no collector thread is left").isEqualTo(before);
        }
    }

    @Test
    void shutdownCanCutTheCallInFlightToKeepItsDeadline() throws Exception {
        Set<Thread> before = collectorThreads();
        Duration readTimeout = Duration.ofSeconds(60);
        Duration deadline = Duration.ofMillis(300);
        try (CollectorFixture f = CollectorFixture.start(CollectorFixture.fast(), readTimeout)) {
            f.stub.otherwise(Reply.hanging());
            IntStream.range(0, 20).forEach(i -> f.collector.offer(pageView(i)));
            f.collector.flush(Duration.ZERO);
            await().until(() -> f.stub.received().size() == 1);

            ShutdownReport report = f.collector.shutdown(deadline, f.client::close);

            assertThat(report.workerStopped()).isTrue();
            assertThat(report.flushedInTime()).isFalse();
            assertThat(report.unsent()).isEqualTo(20);
            assertThat(report.elapsed()).as("the hanging call was cut, not waited for (read timeout 60 s)")
                    .isGreaterThanOrEqualTo(deadline)
                    .isLessThan(Duration.ofSeconds(10));
            assertThat(collectorThreads()).isEqualTo(before);
        }
    }

    @Test
    void afterShutdownOffersAreDroppedAndCountedAndShutdownIsIdempotent() throws Exception {
        try (CollectorFixture f = CollectorFixture.start(CollectorFixture.fast())) {
            ShutdownReport first = f.collector.shutdown(Duration.ofSeconds(1));

            assertThat(f.collector.offer(pageView(1))).isFalse();
            assertThat(f.collector.metrics().dropped()).isEqualTo(1);
            assertThat(f.collector.shutdown(Duration.ofSeconds(1))).isSameAs(first);
            assertThat(f.collector.flush(Duration.ofSeconds(1))).as("nothing is pending").isTrue();
            assertThat(f.stub.received()).isEmpty();
        }
    }

    @Test
    void closeIsShutdownWithTheDefaultDeadline() throws Exception {
        Set<Thread> before = collectorThreads();
        try (CollectorFixture f = CollectorFixture.start(CollectorFixture.fast())) {
            assertThat(f.collector.offer(pageView(7))).isTrue();
            f.collector.close();

            ShutdownReport report = f.collector.shutdown(Duration.ZERO); // the report of close()
            assertThat(f.stub.batchSizes()).as("%s, %s", report, f.collector.metrics()).containsExactly(1);
            assertThat(report.flushedInTime()).isTrue();
            assertThat(collectorThreads()).isEqualTo(before);
        }
    }

    @Test
    void nullArgumentsAreRefusedByName() throws Exception {
        try (CollectorFixture f = CollectorFixture.start(CollectorFixture.fast())) {
            assertThatNullPointerException().isThrownBy(() -> f.collector.offer(null)).withMessage("event");
            assertThatNullPointerException().isThrownBy(() -> f.collector.flush(null)).withMessage("deadline");
            assertThatNullPointerException().isThrownBy(() -> f.collector.shutdown(null)).withMessage("deadline");
            assertThatNullPointerException().isThrownBy(() -> new EventCollector(null, CollectorSettings.defaults()))
                    .withMessage("client");
            assertThatNullPointerException().isThrownBy(() -> new EventCollector(f.client, null))
                    .withMessage("settings");
        }
    }
}
