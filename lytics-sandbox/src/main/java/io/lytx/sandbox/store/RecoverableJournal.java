package io.lytx.sandbox.store;

import java.io.Closeable;

/**
 * The sandbox-side view of a {@link Journal}: the owner replays it once at start, may clear it
 * (for {@code /_sandbox/reset}) and closes it at stop. Implementations are thread-safe.
 */
public interface RecoverableJournal extends Journal, Closeable {

    /**
     * Re-applies every stored record, in append order, through the registered handlers. Call once,
     * after every module has registered and before the server accepts requests.
     *
     * @return what was replayed and what was discarded
     * @throws IllegalStateException when called twice
     */
    ReplayReport replay();

    /**
     * Forgets every stored record (the log becomes empty); later appends start a new history.
     *
     * @throws java.io.UncheckedIOException when the log cannot be truncated
     */
    void clear();

    /** Releases the file and its lock; later appends fail. Idempotent. */
    @Override
    void close();
}
