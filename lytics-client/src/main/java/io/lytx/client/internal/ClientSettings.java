package io.lytx.client.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * The settings of one client, validated by {@code LyticsClientBuilder} before they get here.
 * Immutable.
 *
 * @param baseUri            the API host, e.g. {@code https://api.lytics.io}
 * @param bulkUri            the host of bulk uploads ({@link ApiRequest#onBulkHost()}), e.g.
 *                           {@code https://bulk.lytics.io}
 * @param token              the API token
 * @param accountId          sent as {@code account_id} on every call, or null
 * @param connectTimeout     the connect timeout, also the wait for a pooled connection
 * @param readTimeout        the longest silence while reading an answer
 * @param maxResponseBytes   the largest answer read
 * @param maxConnections     the pool size and the number of async workers
 * @param asyncQueueCapacity how many async calls may wait for a worker
 * @param clock              the clock of {@code Retry-After} dates
 */
public record ClientSettings(URI baseUri, URI bulkUri, ApiToken token, String accountId, Duration connectTimeout,
                             Duration readTimeout, long maxResponseBytes, int maxConnections,
                             int asyncQueueCapacity, Clock clock) {
}
