package io.lytx.servlet.internal.collect;

import io.lytx.client.collect.CollectResult;

/**
 * Posts one pre-serialized JSON array of events to Lytics. The production transport is
 * {@code LyticsClient.collect().jsonBody(stream, body, options)}.
 */
@FunctionalInterface
interface BatchTransport {

    /**
     * Sends the batch. Blocking; bounded by the client's timeouts.
     *
     * @param jsonArray UTF-8 JSON array of event objects
     * @return Lytics' answer
     * @throws RuntimeException a {@code LyticsException} subclass describing the failure
     */
    CollectResult post(byte[] jsonArray);
}
