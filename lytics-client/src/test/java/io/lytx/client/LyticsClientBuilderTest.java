package io.lytx.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lytx.client.entity.EntityQuery;
import io.lytx.client.testing.LyticsFixtures;
import io.lytx.client.testing.StubLyticsServer;
import io.lytx.client.testing.StubResponse;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LyticsClientBuilderTest {

    private static final String TOKEN = "at.xyz.VERYSECRET";

    @Test
    void tokenNeverShowsInToStrings() {
        LyticsClientBuilder b = LyticsClient.builder().token(TOKEN);
        try (LyticsClient c = b.build()) {
            assertThat(b.toString()).doesNotContain(TOKEN).contains("token=***");
            assertThat(c.toString()).doesNotContain(TOKEN);
        }
    }

    @Test
    void accountIdIsSentOnEveryCallAfterTheOwnParameters() {
        try (StubLyticsServer server = StubLyticsServer.start();
             LyticsClient c = LyticsClient.builder().baseUri(server.baseUri()).token(TOKEN).accountId("acc 1").build()) {
            server.enqueue(StubResponse.json(200, LyticsFixtures.ENTITY_NOT_FOUND));
            c.entities().get(EntityQuery.by("_uid", "u").segments(true));
            assertThat(server.takeRequest().requestLine())
                    .isEqualTo("GET /api/entity/user/_uid/u?segments=true&account_id=acc%201 HTTP/1.1");
        }
    }

    @Test
    void baseUriWithAPathPrefixIsKept() {
        try (StubLyticsServer server = StubLyticsServer.start();
             LyticsClient c = LyticsClient.builder().baseUri(URI.create(server.baseUri() + "/lytics/")).token(TOKEN).build()) {
            server.enqueue(StubResponse.json(200, LyticsFixtures.SEGMENT_LIST));
            c.segments().list(null, null);
            assertThat(server.takeRequest().requestLine()).isEqualTo("GET /lytics/api/segment HTTP/1.1");
        }
    }

    @Test
    void invalidSettingsFailFastNamingTheSetting() {
        // inputs: missing/blank/CRLF token, non-http base URI, zero timeouts, zero cap, 0 connections
        assertThatThrownBy(() -> LyticsClient.builder().build()).hasMessageContaining("token");
        assertThatThrownBy(() -> LyticsClient.builder().token(" ")).hasMessageContaining("token");
        assertThatThrownBy(() -> LyticsClient.builder().token("a\r\nX-Evil: 1")).hasMessageContaining("token")
                .hasMessageNotContaining("X-Evil");
        assertThatThrownBy(() -> LyticsClient.builder().baseUri(URI.create("ftp://x"))).hasMessageContaining("baseUri");
        assertThatThrownBy(() -> LyticsClient.builder().baseUri(null)).hasMessageContaining("baseUri");
        assertThatThrownBy(() -> LyticsClient.builder().connectTimeout(Duration.ZERO)).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> LyticsClient.builder().readTimeout(Duration.ofMillis(-1))).hasMessageContaining("readTimeout");
        assertThatThrownBy(() -> LyticsClient.builder().maxResponseBytes(0)).hasMessageContaining("maxResponseBytes");
        assertThatThrownBy(() -> LyticsClient.builder().maxConnections(0)).hasMessageContaining("maxConnections");
        assertThatThrownBy(() -> LyticsClient.builder().accountId("")).hasMessageContaining("accountId");
    }

    @Test
    void theBulkHostIsLyticsBulkHostForLyticsOwnApiAndTheBaseUriOtherwise() {
        // Lytics' BulkCSVUpload reference: bulk uploads go to https://bulk.lytics.io, since
        // api.lytics.io takes at most 10 MB a request
        assertThat(LyticsClient.builder().effectiveBulkUri()).isEqualTo(URI.create("https://bulk.lytics.io"));
        assertThat(LyticsClient.builder().baseUri(URI.create("https://API.lytics.io/")).effectiveBulkUri())
                .isEqualTo(URI.create("https://bulk.lytics.io"));
        URI sandbox = URI.create("http://127.0.0.1:8181/");
        assertThat(LyticsClient.builder().baseUri(sandbox).effectiveBulkUri()).isEqualTo(sandbox);
        URI own = URI.create("https://bulk.example.org/lytics");
        assertThat(LyticsClient.builder().bulkUri(own).effectiveBulkUri()).isEqualTo(own);
        assertThatThrownBy(() -> LyticsClient.builder().bulkUri(URI.create("ftp://bulk.lytics.io")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bulkUri");
    }
}
