package io.lytx.client.internal;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * The one pool of persistent connections that both exchanges ({@link JerseyExchange} and
 * {@link UploadExchange}) use, at most {@code maxConnections} in all, with the request settings they
 * share: connect timeout (also the wait for a free pooled connection), read timeout, no redirects.
 * Thread-safe (Apache's pool is).
 */
final class PooledConnections {

    private final PoolingHttpClientConnectionManager manager;
    private final RequestConfig requestConfig;

    PooledConnections(ClientSettings settings) {
        Timeout connect = Timeout.of(settings.connectTimeout());
        Timeout read = Timeout.of(settings.readTimeout());
        this.manager = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(settings.maxConnections())
                .setMaxConnPerRoute(settings.maxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(connect).setSocketTimeout(read).build())
                .build();
        this.requestConfig = RequestConfig.custom()
                .setConnectionRequestTimeout(connect)
                .setResponseTimeout(read)
                .setRedirectsEnabled(false)
                .build();
    }

    /** @return the pool */
    PoolingHttpClientConnectionManager manager() {
        return manager;
    }

    /** @return the request settings both exchanges use */
    RequestConfig requestConfig() {
        return requestConfig;
    }

    /** Shuts every connection, including those under way; idempotent. */
    void close() {
        manager.close();
    }
}
