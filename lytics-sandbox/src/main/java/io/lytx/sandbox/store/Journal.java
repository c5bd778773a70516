package io.lytx.sandbox.store;

import java.util.Map;
import java.util.function.Consumer;

/**
 * The sandbox's write-ahead log: every accepted change is appended as a {@code kind} plus a JSON
 * record, and replayed in order when the sandbox starts on the same data directory.
 *
 * <p>Usage: each module calls {@link #register} for the kinds it writes while it is being built;
 * the sandbox then replays the log once (calling the handlers in append order), and from then on
 * modules call {@link #append} after validating a change and before (or while) applying it.
 *
 * <p>Records must be JSON-serializable (maps, lists, strings, numbers, booleans, null). On replay
 * a handler receives the record as parsed JSON: numbers arrive as {@code BigDecimal}, arrays as
 * {@code List}, objects as {@code Map}. In memory mode (no data directory) both methods are no-ops.
 * Implementations are thread-safe.
 */
public interface Journal {

    /**
     * Appends one record; when this returns, the record is written to the operating system (it
     * survives a crash of the JVM, including {@code kill -9}) and, when the journal syncs, to the
     * disk.
     *
     * @param kind   the record's kind, as registered; not blank
     * @param record the record; not null; JSON-serializable
     * @throws IllegalArgumentException when the kind has no registered handler
     * @throws java.io.UncheckedIOException when the write fails
     */
    void append(String kind, Map<String, Object> record);

    /**
     * Registers the handler that re-applies records of {@code kind} on replay. Call before the
     * sandbox replays the log; one handler per kind.
     *
     * @param kind          the record kind; not blank
     * @param replayHandler applies one record; not null; called on the starting thread
     * @throws IllegalStateException when the kind already has a handler
     */
    void register(String kind, Consumer<Map<String, Object>> replayHandler);
}
