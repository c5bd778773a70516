package io.lytx.client.internal;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;

/**
 * Sends a request whose body is already in memory straight through Apache HttpClient on the
 * {@linkplain PooledConnections shared pool}, skipping Jersey's per-request pipeline: a busy site
 * sends a few collection batches a second, a rate at which Jersey's code never gets hot, and its
 * pipeline was half the CPU of each batch POST. Same token, timeouts, size cap and error mapping as
 * {@link JerseyExchange}.
 *
 * <p>Guarantees: the token goes raw in {@code Authorization}; no retries, redirects, cookies or
 * decompression; a body that was not read to its end is discarded with its connection, never
 * drained. Blocking: at most the connect timeout for a connection, then at most the read timeout
 * between two bytes. Thread-safe; does not own the pool.
 */
final class UploadExchange {

    private final CloseableHttpClient http;
    private final RequestUris uris;
    private final ApiToken token;
    private final SizeCappedReader reader;

    UploadExchange(ClientSettings settings, PooledConnections pool, RequestUris uris, SizeCappedReader reader) {
        this.uris = uris;
        this.token = settings.token();
        this.reader = reader;
        this.http = HttpClients.custom()
                .setConnectionManager(pool.manager())
                .setConnectionManagerShared(true) // the Jersey client owns and closes the pool
                .setDefaultRequestConfig(pool.requestConfig())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableContentCompression()
                .disableAuthCaching()
                .disableConnectionState() // pooled connections stay interchangeable with Jersey's
                .build();
    }

    /**
     * Sends the request and reads its answer.
     *
     * @param request a request with a body of bytes
     * @param body    that body
     * @return the envelope of a 2xx answer
     * @throws io.lytx.client.error.LyticsException (a subclass) for any error answer or failure
     */
    Envelope exchange(ApiRequest request, ApiRequest.Body body) {
        String op = request.operation();
        HttpUriRequestBase post = new HttpUriRequestBase(request.method(), URI.create(uris.of(request)));
        post.setHeader(HttpHeaders.AUTHORIZATION, token.reveal());
        post.setHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON);
        post.setEntity(new ByteArrayEntity(body.bytes(), ContentType.parse(body.mediaType())));
        CallState state = CallState.unbounded();
        try (ClassicHttpResponse response = http.executeOpen(null, post, null)) {
            try {
                return reader.read(op, new ApacheAnswer(response), state);
            } finally {
                if (!state.fullyRead()) {
                    post.abort(); // closing would drain the rest of the body: discard the connection instead
                }
            }
        } catch (IOException e) {
            throw ErrorMapper.transportFailure(op, e, state);
        }
    }

    /** Shuts the client's connections under way at once; the pool itself is closed by its owner. */
    void close() {
        http.close(CloseMode.IMMEDIATE);
    }

    /**
     * An answer received straight from Apache HttpClient. Its body stream is left open when read:
     * closing Apache's stream early would drain the rest, so {@link #exchange} aborts the request
     * instead when the body was not read to its end (at its end, the connection is already back in
     * the pool).
     */
    private record ApacheAnswer(ClassicHttpResponse response) implements HttpAnswer {
        @Override
        public int status() {
            return response.getCode();
        }

        @Override
        public String header(String name) {
            Header h = response.getFirstHeader(name);
            return h == null ? null : h.getValue();
        }

        @Override
        public InputStream body() throws IOException {
            HttpEntity entity = response.getEntity();
            if (entity == null) {
                return null;
            }
            return new FilterInputStream(entity.getContent()) {
                @Override
                public void close() {
                    // closed with the response, after exchange decided between reuse and abort
                }
            };
        }
    }
}
