/**
 * Persistence: the {@link io.lytx.sandbox.store.Journal} every module appends accepted changes
 * to, its append-only file implementation with checksummed frames and crash-safe replay, and the
 * no-op memory implementation.
 */
package io.lytx.sandbox.store;
