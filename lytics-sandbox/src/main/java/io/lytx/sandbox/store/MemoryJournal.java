package io.lytx.sandbox.store;

import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The journal of a sandbox without a data directory: appends are dropped, nothing is replayed.
 * Still checks its arguments, so code that forgets to register a kind fails in memory mode too.
 * Thread-safe.
 */
public final class MemoryJournal implements RecoverableJournal {

    private final HandlerRegistry handlers = new HandlerRegistry();

    @Override
    public void append(String kind, Map<String, Object> record) {
        Objects.requireNonNull(record, "record");
        handlers.require(kind);
    }

    @Override
    public void register(String kind, Consumer<Map<String, Object>> replayHandler) {
        handlers.register(kind, replayHandler);
    }

    @Override
    public ReplayReport replay() {
        return ReplayReport.EMPTY;
    }

    @Override
    public void clear() {
        // nothing is stored
    }

    @Override
    public void close() {
        // nothing to release
    }
}
