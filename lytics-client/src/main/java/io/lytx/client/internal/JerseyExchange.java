package io.lytx.client.internal;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Duration;
import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.core5.util.TimeValue;
import org.glassfish.jersey.apache5.connector.Apache5ClientProperties;
import org.glassfish.jersey.apache5.connector.Apache5ConnectorProvider;
import org.glassfish.jersey.client.ClientConfig;
import org.glassfish.jersey.client.ClientProperties;
import org.glassfish.jersey.client.JerseyClientBuilder;
import org.glassfish.jersey.jsonb.JsonBindingFeature;

/**
 * Sends a request through one Jersey client with the Apache 5 connector on the
 * {@linkplain PooledConnections shared pool}, and reads its answer with the {@link SizeCappedReader}.
 * The Jersey client is always Jersey's, built with Jersey's own builder and its JSON-B provider
 * registered explicitly, whichever JAX-RS implementation the server running us exposes.
 *
 * <p>Guarantees: the token goes raw in {@code Authorization}; no automatic retries, redirects or
 * cookies; a body that was not read to its end is discarded with its connection, never drained
 * ({@link AbortUnlessConsumedStrategy}). Blocking: at most the connect timeout for a connection, then
 * at most the read timeout between two bytes, or the call's own timeout for both when it has one.
 * Thread-safe; owns the Jersey client, which closes the pool when it is closed.
 */
final class JerseyExchange {

    private final Client client;
    private final RequestUris uris;
    private final ApiToken token;
    private final SizeCappedReader reader;

    JerseyExchange(ClientSettings settings, PooledConnections pool, RequestUris uris, SizeCappedReader reader) {
        this.uris = uris;
        this.token = settings.token();
        this.reader = reader;
        ClientConfig config = new ClientConfig()
                .connectorProvider(new Apache5ConnectorProvider())
                .property(Apache5ClientProperties.CONNECTION_MANAGER, pool.manager())
                .property(Apache5ClientProperties.CONNECTION_MANAGER_SHARED, false)
                .property(Apache5ClientProperties.REQUEST_CONFIG, pool.requestConfig())
                .property(Apache5ClientProperties.RETRY_STRATEGY,
                        new DefaultHttpRequestRetryStrategy(0, TimeValue.ZERO_MILLISECONDS))
                .property(Apache5ClientProperties.CONNECTION_CLOSING_STRATEGY, new AbortUnlessConsumedStrategy())
                .property(Apache5ClientProperties.DISABLE_COOKIES, true)
                .property(ClientProperties.CONNECT_TIMEOUT, (int) settings.connectTimeout().toMillis())
                .property(ClientProperties.READ_TIMEOUT, (int) settings.readTimeout().toMillis())
                .property(ClientProperties.FOLLOW_REDIRECTS, false)
                .register(JsonBindingFeature.class);
        // Jersey's own builder, not ClientBuilder.newClient: that one asks the JAX-RS API for "the"
        // implementation, and a server that puts its own API and implementation ahead of the
        // application's (WildFly: RESTEasy) would build a client that ignores this configuration
        this.client = JerseyClientBuilder.createClient(config);
    }

    /**
     * Sends the request and reads its answer.
     *
     * @param request the request; a body of bytes or a stream (sent chunked), or none
     * @param timeout the call's overall timeout, which replaces the connect and read timeouts; null
     *                for the client's own
     * @param state   the call's state, through which the deadline timer aborts it
     * @return the envelope of a 2xx answer
     * @throws io.lytx.client.error.LyticsException (a subclass) for any error answer or failure
     */
    Envelope exchange(ApiRequest request, Duration timeout, CallState state) {
        String op = request.operation();
        Invocation.Builder builder = client.target(uris.of(request))
                .request(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.AUTHORIZATION, token.reveal())
                .property(CallState.PROPERTY, state);
        if (timeout != null) {
            int ms = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            builder.property(ClientProperties.READ_TIMEOUT, ms).property(ClientProperties.CONNECT_TIMEOUT, ms);
        }
        ApiRequest.Body body = request.bodyOrNull();
        Response response;
        try {
            if (body == null) {
                response = builder.method(request.method());
            } else {
                MediaType type = MediaType.valueOf(body.mediaType());
                Entity<?> entity = body.bytes() != null ? Entity.entity(body.bytes(), type)
                        : Entity.entity(body.stream(), type);
                response = builder.method(request.method(), entity);
            }
        } catch (ProcessingException e) {
            throw ErrorMapper.transportFailure(op, e, state);
        }
        state.attach(response);
        try {
            return reader.read(op, new JerseyAnswer(response), state);
        } finally {
            response.close();
        }
    }

    /** Closes the Jersey client and with it the pool; calls under way fail. Idempotent. */
    void close() {
        client.close();
    }

    private record JerseyAnswer(Response response) implements HttpAnswer {
        @Override
        public int status() {
            return response.getStatus();
        }

        @Override
        public String header(String name) {
            return response.getHeaderString(name);
        }

        @Override
        public InputStream body() {
            return response.readEntity(InputStream.class);
        }
    }
}
