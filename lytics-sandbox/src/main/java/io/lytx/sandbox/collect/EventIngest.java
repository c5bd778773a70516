package io.lytx.sandbox.collect;

import io.lytx.sandbox.catalog.StreamCatalog;
import io.lytx.sandbox.domain.DomainWriter;
import io.lytx.sandbox.profile.CollectedEvent;
import io.lytx.sandbox.profile.ProfileStore;
import io.lytx.sandbox.store.Journal;
import io.lytx.sandbox.store.JournalRecords;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Accepts batches of events: journals each batch as one record and applies its events in order
 * to the profiles and the stream catalog; on replay, re-applies the journaled batches the same way.
 *
 * <p>Event time: the {@code timestamp_field} when one is named and present (an unreadable value
 * rejects that event), else {@code _ts}, else the time of collection. The resolved time is
 * journaled with the event, so a replay gives the same profiles. Thread-safe (writes go through
 * the {@link DomainWriter}).
 */
public final class EventIngest {

    /** The journal kind of an accepted batch. */
    public static final String KIND = "collect.events";

    private final DomainWriter writer;
    private final ProfileStore profiles;
    private final StreamCatalog catalog;
    private final Clock clock;

    /**
     * An ingest over the domain state.
     *
     * @param writer   the domain writer; not null
     * @param profiles the profile store; not null
     * @param catalog  the stream catalog; not null
     * @param clock    the clock giving collection times; not null
     */
    public EventIngest(DomainWriter writer, ProfileStore profiles, StreamCatalog catalog, Clock clock) {
        this.writer = Objects.requireNonNull(writer, "writer");
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Registers the replay handler of {@link #KIND}.
     *
     * @param journal the journal; not null
     */
    public void registerReplay(Journal journal) {
        journal.register(KIND, this::replay);
    }

    /**
     * The event time of one event (see the class comment).
     *
     * @param fields         the event; not null
     * @param timestampField the field holding the time; null or blank for none
     * @return epoch milliseconds, or empty when the named field is present but unreadable
     */
    public OptionalLong eventTime(Map<String, Object> fields, String timestampField) {
        if (timestampField != null && !timestampField.isBlank() && fields.get(timestampField) != null) {
            return TimestampParser.parse(fields.get(timestampField));
        }
        OptionalLong ts = TimestampParser.parse(fields.get("_ts"));
        return ts.isPresent() ? ts : OptionalLong.of(clock.millis());
    }

    /**
     * Journals and applies a batch of validated events, or only counts them in a dry run.
     *
     * @param events the events, in order; not null
     * @param dryRun true to change nothing
     * @return the number of events accepted (duplicates by {@code _eid} included)
     */
    public int ingest(List<CollectedEvent> events, boolean dryRun) {
        Objects.requireNonNull(events, "events");
        if (dryRun || events.isEmpty()) {
            return events.size();
        }
        long received = clock.millis();
        writer.write(KIND, record(events, received), () -> {
            applyAll(events, received);
            return null;
        });
        return events.size();
    }

    /**
     * Applies events without journaling them (demo data).
     *
     * @param events the events, in order; not null
     */
    public void applyUnjournaled(List<CollectedEvent> events) {
        long received = clock.millis();
        writer.applyOnly(() -> {
            applyAll(events, received);
            return null;
        });
    }

    private void applyAll(List<CollectedEvent> events, long received) {
        for (CollectedEvent e : events) {
            if (profiles.apply(e)) {
                catalog.record(e, Instant.ofEpochMilli(received));
            }
        }
    }

    private static Map<String, Object> record(List<CollectedEvent> events, long received) {
        List<Object> list = new ArrayList<>(events.size());
        for (CollectedEvent e : events) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("stream", e.stream());
            m.put("ts", e.timestampMs());
            m.put("fields", e.fields());
            list.add(m);
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("received", received);
        r.put("events", list);
        return r;
    }

    @SuppressWarnings("unchecked")
    private void replay(Map<String, Object> record) {
        long received = JournalRecords.longValue(record, "received");
        List<CollectedEvent> events = new ArrayList<>();
        for (Object o : (List<Object>) record.get("events")) {
            Map<String, Object> m = (Map<String, Object>) o;
            long ms = JournalRecords.longValue(m, "ts");
            events.add(new CollectedEvent((String) m.get("stream"), ms, (Map<String, Object>) m.get("fields")));
        }
        writer.applyOnly(() -> {
            applyAll(events, received);
            return null;
        });
    }
}
