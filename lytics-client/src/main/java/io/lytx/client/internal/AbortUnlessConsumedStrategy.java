package io.lytx.client.internal;

import java.io.IOException;
import java.io.InputStream;
import org.apache.hc.client5.http.classic.methods.HttpUriRequest;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.glassfish.jersey.apache5.connector.Apache5ConnectionClosingStrategy;
import org.glassfish.jersey.client.ClientRequest;

/**
 * Closes an Apache response so that an unread or partly read body is never drained: unless the
 * call's {@link CallState} says the body was consumed to its end, the request is aborted, which
 * discards the connection instead of reading the rest (a 6 MB body over the limit, a hanging
 * server). A fully read response returns its connection to the pool. Stateless, thread-safe.
 */
final class AbortUnlessConsumedStrategy implements Apache5ConnectionClosingStrategy {

    @Override
    public void close(ClientRequest clientRequest, HttpUriRequest request, CloseableHttpResponse response,
                      InputStream stream) throws IOException {
        CallState state = clientRequest.resolveProperty(CallState.PROPERTY, CallState.class);
        if (state == null || !state.fullyRead()) {
            request.abort();
        }
        try {
            stream.close();
        } catch (IOException ignored) {
            // the connection is being discarded or was already closed
        } finally {
            response.close();
        }
    }
}
