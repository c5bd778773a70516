package io.lytx.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class OwnedThreadsTest {

    @Test
    void joinWaitsForTheThreadsThemselvesNotOnlyForTheExecutor() throws Exception {
        OwnedThreads threads = new OwnedThreads("owned-test-");
        ExecutorService pool = Executors.newFixedThreadPool(2, threads);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(2);
        for (int i = 0; i < 2; i++) {
            pool.execute(() -> {
                started.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        started.await();
        pool.shutdown();

        // input: two workers still busy; what must hold: join reports them alive and returns
        assertThat(threads.join(Duration.ofMillis(20))).isFalse();

        release.countDown();
        assertThat(threads.join(Duration.ofSeconds(30))).isTrue();
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().startsWith("owned-test-") && t.isAlive());
    }

    @Test
    void threadsAreNamedDaemonsNumberedFromOne() {
        OwnedThreads threads = new OwnedThreads("named-");
        Thread first = threads.newThread(() -> { });
        Thread second = threads.newThread(() -> { });
        assertThat(first.getName()).isEqualTo("named-1");
        assertThat(second.getName()).isEqualTo("named-2");
        assertThat(first.isDaemon()).isTrue();
        // never started: nothing to wait for
        assertThat(threads.join(Duration.ofMillis(1))).isTrue();
    }
}
