package io.lytx.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.lytx.client.collect.CollectOptions;
import io.lytx.client.entity.Entity;
import io.lytx.client.entity.EntityQuery;
import io.lytx.client.error.LyticsClientClosedException;
import io.lytx.client.segment.ScanQuery;
import io.lytx.client.testing.StubLyticsExtension;
import io.lytx.client.testing.StubResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a caller sees when the client is closed before or during a call. */
class ClientCloseTest {

    // long timeouts: only close() may end the calls under way
    @RegisterExtension
    final StubLyticsExtension lytics = new StubLyticsExtension(builder -> builder.token("at.abc.s3cret")
            .readTimeout(Duration.ofSeconds(60)).maxConnections(1));

    @Test
    void blockingCallsAfterCloseFailWithClientClosedAndSendNothing() {
        lytics.client().close();

        assertThatThrownBy(() -> lytics.client().entities().get(EntityQuery.by("_uid", "u1")))
                .isInstanceOf(LyticsClientClosedException.class)
                .hasMessage("GET /api/entity/{table}/{field}/{value}: the client is closed");
        assertThatThrownBy(() -> lytics.client().collect().json("web", Map.of("_e", "pv"), CollectOptions.defaults()))
                .isInstanceOf(LyticsClientClosedException.class);
        assertThatThrownBy(() -> lytics.client().segments().list(null, null)).isInstanceOf(LyticsClientClosedException.class);
        assertThatThrownBy(() -> lytics.client().segments().scan("frequent", ScanQuery.defaults()).count())
                .isInstanceOf(LyticsClientClosedException.class);
        assertThat(lytics.server().requestCount()).as("no request left the closed client").isZero();
    }

    @Test
    void asyncCallAfterCloseFailsItsStageWithClientClosed() {
        lytics.client().close();

        CompletableFuture<Entity> stage = lytics.client().entities()
                .getAsync(EntityQuery.by("_uid", "u1"), Duration.ofSeconds(5)).toCompletableFuture();

        assertThat(stage).isCompletedExceptionally();
        assertThatThrownBy(stage::join).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(LyticsClientClosedException.class);
        assertThat(lytics.server().requestCount()).isZero();
    }

    @Test
    void closeCutsABlockingCallWaitingOnAHangingServer() {
        lytics.server().enqueue(StubResponse.hang());
        CompletableFuture<Entity> call = CompletableFuture.supplyAsync(
                () -> lytics.client().entities().get(EntityQuery.by("_uid", "u1")));
        await().until(() -> lytics.server().requestCount() == 1);

        lytics.client().close();

        await().until(call::isDone);
        assertThatThrownBy(call::join).hasCauseInstanceOf(LyticsClientClosedException.class);
    }

    @Test
    void closeFailsTheRunningAndTheQueuedAsyncCalls() {
        // one worker thread (maxConnections 1): the first call hangs on the server, the second waits in the queue
        lytics.server().enqueue(StubResponse.hang());
        CompletableFuture<Entity> running = lytics.client().entities()
                .getAsync(EntityQuery.by("_uid", "u1"), Duration.ofSeconds(60)).toCompletableFuture();
        CompletableFuture<Entity> queued = lytics.client().entities()
                .getAsync(EntityQuery.by("_uid", "u2"), Duration.ofSeconds(60)).toCompletableFuture();
        await().until(() -> lytics.server().requestCount() == 1);

        lytics.client().close();

        await().until(() -> running.isDone() && queued.isDone());
        assertThatThrownBy(running::join).hasCauseInstanceOf(LyticsClientClosedException.class);
        assertThatThrownBy(queued::join).hasCauseInstanceOf(LyticsClientClosedException.class);
        assertThat(lytics.server().requestCount()).as("the queued call never reached the server").isEqualTo(1);
    }
}
