package io.lytx.servlet.internal.profile;

import com.github.benmanes.caffeine.cache.Ticker;
import io.lytx.client.LyticsClient;
import io.lytx.client.content.RecommendationQuery;
import io.lytx.client.entity.EntityQuery;
import io.lytx.client.testing.LyticsFixtures;
import io.lytx.client.testing.RecordedRequest;
import io.lytx.client.testing.StubLyticsServer;
import io.lytx.client.testing.StubResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * A profile service wired to a real Lytics client talking over loopback to the client module's
 * {@link StubLyticsServer} (raw sockets: it can hang and notice when the client closes the
 * connection), with a controllable cache clock. Closes everything it made.
 */
final class ProfileFixture implements AutoCloseable {

    static final StubResponse FOUND = StubResponse.json(200, LyticsFixtures.ENTITY_FOUND);
    static final StubResponse NOT_FOUND = StubResponse.json(200, LyticsFixtures.ENTITY_NOT_FOUND);
    static final StubResponse RECOMMENDATIONS = StubResponse.json(200, LyticsFixtures.RECOMMENDATIONS);
    static final StubResponse SERVER_ERROR =
            StubResponse.json(500, "{\"status\":500,\"message\":\"internal error\",\"data\":null}");

    final StubLyticsServer upstream = StubLyticsServer.start();
    final LyticsClient client;
    final FakeTicker ticker = new FakeTicker();
    private final int warmUpRequests;
    private ProfileService service;

    ProfileFixture() {
        client = LyticsClient.builder().baseUri(upstream.baseUri()).token("test-token-not-secret")
                .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(20)).build();
        upstream.dispatcher(request -> request.path().startsWith("/api/content/") ? RECOMMENDATIONS : FOUND);
        warmUp();
        warmUpRequests = upstream.requestCount();
    }

    /** A found profile whose email is {@code email}. */
    static StubResponse found(String email) {
        return StubResponse.json(200, LyticsFixtures.ENTITY_FOUND.replace("pat@example.org", email));
    }

    /**
     * Makes one blocking call of each kind first, so that the client's one-off start-up work (class
     * loading, JSON provider discovery, first connection) is not charged to a test's budget.
     */
    private void warmUp() {
        client.entities().get(EntityQuery.by("_uid", "warm-up"));
        client.content().recommendForUser("_uid", "warm-up", RecommendationQuery.defaults());
    }

    /** A service with these settings on the fake clock. */
    ProfileService service(ProfileSettings settings) {
        return service(settings, ticker);
    }

    /** A service with these settings on the given cache clock. */
    ProfileService service(ProfileSettings settings, Ticker clock) {
        return service(settings, 0, null, clock);
    }

    /** A service with Lytics' limits and a shared cache (not closed here), on the given cache clock. */
    ProfileService service(ProfileSettings settings, int maxCallsPerSecond, SharedProfileCache shared, Ticker clock) {
        if (service != null) {
            service.close();
        }
        service = new ProfileService(client, settings, maxCallsPerSecond, shared, clock);
        return service;
    }

    /** Answers every request with {@code response} from now on. */
    void answerAll(StubResponse response) {
        upstream.dispatcher(request -> response);
    }

    /** Answers every request by {@code answers} applied to its raw target (path and query). */
    void answerByTarget(Function<String, StubResponse> answers) {
        upstream.dispatcher(request -> answers.apply(request.target()));
    }

    /**
     * An answer that is only sent once {@code release} completes: the connection's thread blocks
     * (interruptibly, so closing the server ends it).
     */
    static StubResponse whenReleased(CompletableFuture<?> release, StubResponse response) {
        try {
            release.get();
            return response;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return StubResponse.hang();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Raw targets of the requests the tests made (warm-up excluded), in arrival order. */
    List<String> targets() {
        List<RecordedRequest> all = upstream.requests();
        return all.subList(warmUpRequests, all.size()).stream().map(RecordedRequest::target).toList();
    }

    /** How many of the tests' requests had a target starting with {@code prefix}. */
    long calls(String prefix) {
        return targets().stream().filter(t -> t.startsWith(prefix)).count();
    }

    /**
     * Whether the client cut (closed the connection of) every call of the tests that reached the stub.
     * A call's deadline can fire before its request leaves a busy machine; such a call carries no
     * connection and leaves none to cut.
     */
    boolean everyArrivedCallCut() {
        return upstream.clientClosedTheConnectionsOfRequestsFrom(warmUpRequests);
    }

    @Override
    public void close() {
        if (service != null) {
            service.close();
        }
        client.close();
        upstream.close();
    }
}
