package io.lytx.servlet.internal.collect;

import io.lytx.client.LyticsClient;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * A collector wired to a real {@link CollectStub} through a real {@link LyticsClient}; closes all
 * three (collector first) when closed.
 */
final class CollectorFixture implements AutoCloseable {

    final CollectStub stub;
    final LyticsClient client;
    final EventCollector collector;

    private CollectorFixture(CollectStub stub, LyticsClient client, EventCollector collector) {
        this.stub = stub;
        this.client = client;
        this.collector = collector;
    }

    /** A stub, a client with the given read timeout, and a collector with the given settings. */
    static CollectorFixture start(CollectorSettings settings, Duration readTimeout) throws IOException {
        CollectStub stub = new CollectStub();
        LyticsClient client = client(stub.baseUri(), readTimeout);
        return new CollectorFixture(stub, client, new EventCollector(client, settings));
    }

    static CollectorFixture start(CollectorSettings settings) throws IOException {
        return start(settings, Duration.ofSeconds(10));
    }

    static CollectorFixture start(CollectorSettings.Builder settings, Duration readTimeout) throws IOException {
        return start(settings.build(), readTimeout);
    }

    static CollectorFixture start(CollectorSettings.Builder settings) throws IOException {
        return start(settings.build());
    }

    static LyticsClient client(URI baseUri, Duration readTimeout) {
        return LyticsClient.builder()
                .baseUri(baseUri)
                .token("test-token-not-secret")
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(readTimeout)
                .build();
    }

    /** Settings for tests: tiny backoffs so that retries happen quickly, a long linger unless changed. */
    static CollectorSettings.Builder fast() {
        return CollectorSettings.builder()
                .batchLimits(500, 1024 * 1024).linger(Duration.ofHours(1))
                .maxRetryTime(Duration.ofSeconds(10)).backoff(Duration.ofMillis(10), Duration.ofMillis(20))
                .maxRetryAfter(Duration.ofSeconds(10));
    }

    /** A small page-view event. */
    static CollectEvent pageView(int n) {
        return CollectEvent.builder()
                .put("_e", "pv")
                .put("_uid", "91684.5253390131")
                .put("url", "www.example.org/articles/" + n)
                .build();
    }

    @Override
    public void close() {
        stub.releaseHangs();
        try {
            collector.shutdown(Duration.ofSeconds(1));
        } finally {
            try {
                client.close();
            } finally {
                stub.close();
            }
        }
    }
}
