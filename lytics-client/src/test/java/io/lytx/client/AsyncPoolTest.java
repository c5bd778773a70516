package io.lytx.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lytx.client.entity.Entity;
import io.lytx.client.entity.EntityQuery;
import io.lytx.client.error.LyticsConnectionException;
import io.lytx.client.error.LyticsTimeoutException;
import io.lytx.client.testing.LyticsFixtures;
import io.lytx.client.testing.StubLyticsServer;
import io.lytx.client.testing.StubResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Async calls share a bounded pool of connections and a bounded queue. */
class AsyncPoolTest {

    @Test
    void manyConcurrentAsyncLookupsAllCompleteOverAtMostMaxConnections() {
        try (StubLyticsServer server = StubLyticsServer.start();
             LyticsClient client = LyticsClient.builder().baseUri(server.baseUri()).token("tok").maxConnections(4).build()) {
            server.dispatcher(r -> StubResponse.json(200, LyticsFixtures.ENTITY_FOUND));

            List<CompletableFuture<Entity>> calls = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                calls.add(client.entities().getAsync(EntityQuery.by("_uid", "u_" + i), Duration.ofSeconds(10))
                        .toCompletableFuture());
            }
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();

            assertThat(calls).allSatisfy(c -> assertThat(c.join().segments()).contains("known_users"));
            assertThat(server.requestCount()).isEqualTo(60);
            assertThat(server.connectionCount()).isBetween(1, 4);
        }
    }

    @Test
    void callsBeyondTheQueueFailAtOnceInsteadOfPilingUp() {
        // input: 1 worker, queue of 1, a server that never answers; must: the 3rd call fails immediately
        try (StubLyticsServer server = StubLyticsServer.start();
             LyticsClient client = LyticsClient.builder().baseUri(server.baseUri()).token("tok")
                     .maxConnections(1).asyncQueueCapacity(1).build()) {
            server.dispatcher(r -> StubResponse.hang());
            Duration timeout = Duration.ofMillis(400);

            CompletableFuture<Entity> running = client.entities().getAsync(EntityQuery.by("_uid", "a"), timeout)
                    .toCompletableFuture();
            CompletableFuture<Entity> queued = client.entities().getAsync(EntityQuery.by("_uid", "b"), timeout)
                    .toCompletableFuture();
            CompletableFuture<Entity> rejected = client.entities().getAsync(EntityQuery.by("_uid", "c"), timeout)
                    .toCompletableFuture();

            assertThat(rejected).isCompletedExceptionally();
            assertThatThrownBy(rejected::join).hasCauseInstanceOf(LyticsConnectionException.class)
                    .hasMessageContaining("too many async calls waiting");
            assertThatThrownBy(running::join).hasCauseInstanceOf(LyticsTimeoutException.class);
            assertThatThrownBy(queued::join).hasCauseInstanceOf(LyticsTimeoutException.class);
        }
    }
}
