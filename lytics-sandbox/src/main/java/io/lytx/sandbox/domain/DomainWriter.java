package io.lytx.sandbox.domain;

import io.lytx.sandbox.store.Journal;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The single writer of the domain state: journals a change and applies it as one step, so the
 * journal's order is the order in which changes were applied and a replay rebuilds the same
 * state.
 *
 * <p>Thread-safe: writes are serialized by this object's monitor (the journal append, which
 * flushes, happens inside it). Callers validate a change completely before writing it; the apply
 * step must not fail for a validated change.
 */
public final class DomainWriter {

    private final Journal journal;

    /**
     * A writer over a journal.
     *
     * @param journal the journal; not null
     */
    public DomainWriter(Journal journal) {
        this.journal = Objects.requireNonNull(journal, "journal");
    }

    /**
     * Journals a record, then applies the change, atomically with respect to other writes.
     *
     * @param kind   the record kind (registered on the journal)
     * @param record the JSON-serializable record
     * @param apply  applies the change to the in-memory state; not null
     * @param <T>    the result type
     * @return what {@code apply} returns
     */
    public synchronized <T> T write(String kind, Map<String, Object> record, Supplier<T> apply) {
        Objects.requireNonNull(apply, "apply");
        journal.append(kind, record);
        return apply.get();
    }

    /**
     * Applies a change without journaling it (for demo data and for replay), serialized with
     * journaled writes.
     *
     * @param apply applies the change; not null
     * @param <T>   the result type
     * @return what {@code apply} returns
     */
    public synchronized <T> T applyOnly(Supplier<T> apply) {
        return apply.get();
    }
}
