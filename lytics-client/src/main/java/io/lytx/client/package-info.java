/**
 * Java client of the Lytics REST API. Start at {@link io.lytx.client.LyticsClient#builder()}.
 */
package io.lytx.client;
