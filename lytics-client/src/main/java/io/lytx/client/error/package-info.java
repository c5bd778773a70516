/**
 * The exceptions of the Lytics client, all unchecked and rooted at
 * {@link io.lytx.client.error.LyticsException}. HTTP error answers are
 * {@link io.lytx.client.error.LyticsApiException} subclasses carrying the status and Lytics' message;
 * transport failures are {@link io.lytx.client.error.LyticsTimeoutException} and
 * {@link io.lytx.client.error.LyticsConnectionException}; unusable answers are
 * {@link io.lytx.client.error.LyticsResponseException}. No message ever contains the API token.
 */
package io.lytx.client.error;
