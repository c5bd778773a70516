package io.lytx.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.lytx.client.collect.CollectOptions;
import io.lytx.client.entity.Entity;
import io.lytx.client.entity.EntityQuery;
import io.lytx.client.error.LyticsClientClosedException;
import io.lytx.client.segment.ScanQuery;
import io.lytx.client.testing.StubLyticsServer;
import io.lytx.client.testing.StubResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a caller sees when the client is closed before or during a call. */
class ClientCloseTest {

    private StubLyticsServer server;
    private LyticsClient client;

    @BeforeEach
    void start() {
        server = StubLyticsServer.start();
        // long timeouts: only close() may end the calls under way
        client = LyticsClient.builder().baseUri(server.baseUri()).token("at.abc.s3cret")
                .readTimeout(Duration.ofSeconds(60)).maxConnections(1).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void blockingCallsAfterCloseFailWithClientClosedAndSendNothing() {
        client.close();

        assertThatThrownBy(() -> client.entities().get(EntityQuery.by("_uid", "u1")))
                .isInstanceOf(LyticsClientClosedException.class)
                .hasMessage("GET /api/entity/{table}/{field}/{value}: the client is closed");
        assertThatThrownBy(() -> client.collect().json("web", Map.of("_e", "pv"), CollectOptions.defaults()))
                .isInstanceOf(LyticsClientClosedException.class);
        assertThatThrownBy(() -> client.segments().list(null, null)).isInstanceOf(LyticsClientClosedException.class);
        assertThatThrownBy(() -> client.segments().scan("frequent", ScanQuery.defaults()).count())
                .isInstanceOf(LyticsClientClosedException.class);
        assertThat(server.requestCount()).as("no request left the closed client").isZero();
    }

    @Test
    void asyncCallAfterCloseFailsItsStageWithClientClosed() {
        client.close();

        CompletableFuture<Entity> stage = client.entities()
                .getAsync(EntityQuery.by("_uid", "u1"), Duration.ofSeconds(5)).toCompletableFuture();

        assertThat(stage).isCompletedExceptionally();
        assertThatThrownBy(stage::join).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(LyticsClientClosedException.class);
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void closeCutsABlockingCallWaitingOnAHangingServer() {
        server.enqueue(StubResponse.hang());
        CompletableFuture<Entity> call = CompletableFuture.supplyAsync(
                () -> client.entities().get(EntityQuery.by("_uid", "u1")));
        await().until(() -> server.requestCount() == 1);

        client.close();

        await().until(call::isDone);
        assertThatThrownBy(call::join).hasCauseInstanceOf(LyticsClientClosedException.class);
    }

    @Test
    void closeFailsTheRunningAndTheQueuedAsyncCalls() {
        // one worker thread (maxConnections 1): the first call hangs on the server, the second waits in the queue
        server.enqueue(StubResponse.hang());
        CompletableFuture<Entity> running = client.entities()
                .getAsync(EntityQuery.by("_uid", "u1"), Duration.ofSeconds(60)).toCompletableFuture();
        CompletableFuture<Entity> queued = client.entities()
                .getAsync(EntityQuery.by("_uid", "u2"), Duration.ofSeconds(60)).toCompletableFuture();
        await().until(() -> server.requestCount() == 1);

        client.close();

        await().until(() -> running.isDone() && queued.isDone());
        assertThatThrownBy(running::join).hasCauseInstanceOf(LyticsClientClosedException.class);
        assertThatThrownBy(queued::join).hasCauseInstanceOf(LyticsClientClosedException.class);
        assertThat(server.requestCount()).as("the queued call never reached the server").isEqualTo(1);
    }
}
