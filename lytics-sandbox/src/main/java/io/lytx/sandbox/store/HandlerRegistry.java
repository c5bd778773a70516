package io.lytx.sandbox.store;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** The replay handlers of a journal, one per record kind. Thread-safe. */
final class HandlerRegistry {

    private final Map<String, Consumer<Map<String, Object>>> handlers = new ConcurrentHashMap<>();

    void register(String kind, Consumer<Map<String, Object>> handler) {
        checkKind(kind);
        Objects.requireNonNull(handler, "replayHandler");
        if (handlers.putIfAbsent(kind, handler) != null) {
            throw new IllegalStateException("a replay handler for kind \"" + kind + "\" is already registered");
        }
    }

    void require(String kind) {
        checkKind(kind);
        if (!handlers.containsKey(kind)) {
            throw new IllegalArgumentException("no replay handler registered for kind \"" + kind + "\"");
        }
    }

    Consumer<Map<String, Object>> get(String kind) {
        return handlers.get(kind);
    }

    private static void checkKind(String kind) {
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("kind must not be blank");
        }
    }
}
