/**
 * Segmentation: segments (list, get, create from FilterQL or JSON, update, delete, validate,
 * sizes) and scans of their members, paged lazily through Lytics' {@code _next} cursor.
 */
package io.lytx.client.segment;
