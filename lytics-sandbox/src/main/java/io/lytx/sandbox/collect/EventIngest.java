package io.lytx.sandbox.collect;

import io.lytx.sandbox.catalog.StreamCatalog;
import io.lytx.sandbox.domain.DomainWriter;
import io.lytx.sandbox.profile.CollectedEvent;
import io.lytx.sandbox.profile.ProfileLimitException;
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
 * <p>Event time, as Lytics documents it (learn.lytics.com data-upload, "Timestamp Fields": "Normal
 * event uploads get an event timestamp at the server time but you can over-ride this behavior so
 * the timestamp is defined in the event you upload"): the time the sandbox receives the event,
 * unless the request names a {@code timestamp_field} and the event carries that field, whose
 * value is then read with {@link TimestampParser}. No field is special without
 * {@code timestamp_field}: not even {@code _ts}, which the JS tag sends (nothing Lytics published
 * says it is read). A named field whose value cannot be read rejects that event (counted in
 * {@code rejected_count}): stamping it with the receive time instead would silently move a
 * historical event to "now" and corrupt every recency-based segment. The resolved time is
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
        if (timestampField != null && !timestampField.isBlank()) {
            Object value = fields.get(timestampField);
            if (value != null && !(value instanceof String s && s.isBlank())) {
                return TimestampParser.parse(value);
            }
        }
        return OptionalLong.of(clock.millis());
    }

    /**
     * Journals and applies a batch of validated events, all or none, or only counts them in a dry
     * run.
     *
     * @param events the events, in order; not null
     * @param dryRun true to change nothing
     * @return the number of events accepted (duplicates by {@code _eid} included)
     * @throws ProfileLimitError when an event would create a profile beyond the store's limit;
     *                           nothing was stored
     */
    public int ingest(List<CollectedEvent> events, boolean dryRun) {
        return ingest(events, dryRun, false);
    }

    /**
     * Journals and applies a batch of validated events, or only counts them in a dry run.
     *
     * @param events  the events, in order; not null
     * @param dryRun  true to change nothing
     * @param partial when the profile limit would be passed: true to store the events before the
     *                first one that does not fit (a bulk upload stops at its first error, as Lytics
     *                documents), false to store none
     * @return the number of events accepted (duplicates by {@code _eid} included)
     * @throws ProfileLimitError when an event would create a profile beyond the store's limit;
     *                           {@link ProfileLimitError#stored()} says how many were stored
     */
    public int ingest(List<CollectedEvent> events, boolean dryRun, boolean partial) {
        Objects.requireNonNull(events, "events");
        if (dryRun || events.isEmpty()) {
            return events.size();
        }
        long received = clock.millis();
        // the check and the write under the writer's lock: no other write can take the room checked for
        int stored = writer.applyOnly(() -> {
            int fit = profiles.admissible(events);
            List<CollectedEvent> admitted = fit == events.size() ? events : events.subList(0, partial ? fit : 0);
            if (!admitted.isEmpty()) {
                writer.write(KIND, record(admitted, received), () -> {
                    applyAll(admitted, received);
                    return null;
                });
            }
            return admitted.size();
        });
        if (stored < events.size()) {
            throw new ProfileLimitError(profiles.maxProfiles(), profiles.size(), stored);
        }
        return stored;
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
            try {
                if (profiles.apply(e)) {
                    catalog.record(e, Instant.ofEpochMilli(received));
                }
            } catch (ProfileLimitException full) {
                // only on replay with a lower limit than when the event was accepted: the event is dropped
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
