/**
 * Data collection: JSON events to {@code /collect/json/{stream}} and streamed CSV uploads to
 * {@code /collect/bulk/{stream}}.
 */
package io.lytx.client.collect;
