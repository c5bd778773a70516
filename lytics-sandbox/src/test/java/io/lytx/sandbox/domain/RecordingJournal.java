package io.lytx.sandbox.domain;

import io.lytx.sandbox.http.JsonInput;
import io.lytx.sandbox.store.Journal;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A journal for tests: keeps every record as JSON text (written with JSON-B, read back with
 * {@link JsonInput}, so replayed records have the types a file journal gives: BigDecimal numbers,
 * lists, maps) and replays them into whatever handlers are registered at replay time.
 */
public final class RecordingJournal implements Journal {

    private final List<String[]> records = new ArrayList<>();
    private final Map<String, Consumer<Map<String, Object>>> handlers = new HashMap<>();
    private final Jsonb jsonb = JsonbBuilder.create();

    @Override
    public synchronized void append(String kind, Map<String, Object> record) {
        if (!handlers.containsKey(kind)) {
            throw new IllegalArgumentException("no handler for " + kind);
        }
        records.add(new String[] {kind, jsonb.toJson(record)});
    }

    @Override
    public synchronized void register(String kind, Consumer<Map<String, Object>> replayHandler) {
        if (handlers.putIfAbsent(kind, replayHandler) != null) {
            throw new IllegalStateException("kind already registered: " + kind);
        }
    }

    /**
     * A fresh journal holding this one's records (no handlers), to replay into a new domain.
     *
     * @return the copy
     */
    public synchronized RecordingJournal copyRecords() {
        RecordingJournal copy = new RecordingJournal();
        copy.records.addAll(records);
        return copy;
    }

    /** Replays every record, in order, into the registered handlers. */
    @SuppressWarnings("unchecked")
    public synchronized void replay() {
        for (String[] r : records) {
            handlers.get(r[0]).accept((Map<String, Object>) JsonInput.parse(r[1]));
        }
    }

    /**
     * The number of records.
     *
     * @return the count
     */
    public synchronized int size() {
        return records.size();
    }

    /**
     * The kinds of the records, in order.
     *
     * @return the kinds
     */
    public synchronized List<String> kinds() {
        return records.stream().map(r -> r[0]).toList();
    }
}
