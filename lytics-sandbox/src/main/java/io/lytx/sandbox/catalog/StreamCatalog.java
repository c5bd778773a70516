package io.lytx.sandbox.catalog;

import io.lytx.sandbox.profile.CollectedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What was collected per stream: message counts, last message time, and per field its inferred
 * type, usage count, first/last time seen and a few sample values. Feeds {@code /api/schema} and
 * {@code /api/schema/_streams}.
 *
 * <p>Thread-safe (all methods synchronize on the catalog). Bounded per field: at most
 * {@value #MAX_SAMPLES} samples.
 */
public final class StreamCatalog {

    /** Sample values kept per field. */
    public static final int MAX_SAMPLES = 5;

    private final Map<String, StreamStats> streams = new TreeMap<>();

    /** An empty catalog. */
    public StreamCatalog() {
    }

    /**
     * Records one accepted event (including duplicates and dry runs is the caller's choice; the
     * sandbox records applied events only).
     *
     * @param event   the event; not null
     * @param applied the instant the event was applied
     */
    public synchronized void record(CollectedEvent event, Instant applied) {
        Objects.requireNonNull(event, "event");
        StreamStats s = streams.computeIfAbsent(event.stream(), StreamStats::new);
        s.count++;
        s.lastMessageMs = Math.max(s.lastMessageMs, event.timestampMs());
        s.lastUpdateMs = applied.toEpochMilli();
        event.fields().forEach((name, value) -> {
            if (value == null) {
                return;
            }
            FieldStats f = s.fields.computeIfAbsent(name, FieldStats::new);
            if (!TypeInference.WIDEST.equals(f.type)) { // a text field stays text: no value's shape to read
                f.type = TypeInference.merge(f.type, TypeInference.typeOf(value));
            }
            f.isArray |= value instanceof List;
            f.usage++;
            f.firstSeenMs = Math.min(f.firstSeenMs, event.timestampMs());
            f.lastSeenMs = Math.max(f.lastSeenMs, event.timestampMs());
            if (f.samples.size() < MAX_SAMPLES && !(value instanceof Map) && !(value instanceof List)) {
                f.samples.add(String.valueOf(value));
            }
        });
    }

    /** Forgets everything. */
    public synchronized void clear() {
        streams.clear();
    }

    /**
     * Field name to type over all streams, with the streams each field came from.
     *
     * @return name to (type, streams), sorted by name
     */
    public synchronized Map<String, SeenField> fields() {
        Map<String, SeenField> out = new TreeMap<>();
        for (StreamStats s : streams.values()) {
            for (FieldStats f : s.fields.values()) {
                SeenField old = out.get(f.name);
                Set<String> froms = new LinkedHashSet<>(old == null ? List.of() : old.streams());
                froms.add(s.name);
                out.put(f.name, new SeenField(f.name, TypeInference.merge(old == null ? null : old.type(), f.type),
                        List.copyOf(froms)));
            }
        }
        return out;
    }

    /**
     * The {@code /api/schema/_streams} answer.
     *
     * @return one map per stream, in name order
     */
    public synchronized List<Map<String, Object>> toWire() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (StreamStats s : streams.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("stream", s.name);
            m.put("hidden", false);
            m.put("ct", s.count);
            m.put("curct", s.count);
            m.put("last_msg_ts", Long.toString(s.lastMessageMs));
            m.put("last_update_ts", Long.toString(s.lastUpdateMs));
            List<Map<String, Object>> fields = new ArrayList<>();
            for (FieldStats f : s.fields.values()) {
                Map<String, Object> fm = new LinkedHashMap<>();
                fm.put("name", f.name);
                fm.put("type", f.type);
                fm.put("is_array", f.isArray);
                fm.put("card", f.samples.size());
                fm.put("usage", f.usage);
                fm.put("sample", List.copyOf(f.samples));
                fm.put("first_seen", Instant.ofEpochMilli(f.firstSeenMs).toString());
                fm.put("last_seen", Instant.ofEpochMilli(f.lastSeenMs).toString());
                fm.put("hidden", false);
                fields.add(fm);
            }
            m.put("fields", fields);
            out.add(m);
        }
        return out;
    }

    /**
     * One field seen on the streams.
     *
     * @param name    the field name
     * @param type    the inferred type
     * @param streams the streams it was seen on
     */
    public record SeenField(String name, String type, List<String> streams) {
    }

    private static final class StreamStats {
        final String name;
        long count;
        long lastMessageMs;
        long lastUpdateMs;
        final Map<String, FieldStats> fields = new TreeMap<>();

        StreamStats(String name) {
            this.name = name;
        }
    }

    private static final class FieldStats {
        final String name;
        String type;
        boolean isArray;
        long usage;
        long firstSeenMs = Long.MAX_VALUE;
        long lastSeenMs = Long.MIN_VALUE;
        final Set<String> samples = new LinkedHashSet<>();

        FieldStats(String name) {
            this.name = name;
        }
    }
}
