package io.lytx.servlet.internal.collect;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One event to forward to the Lytics collection API: a flat map of string fields plus a stable
 * event id. Built cheaply on the request thread (no JSON, no I/O) and serialized later by the
 * collector's worker: either from fields put in a {@link #builder()}, or from an {@link EventFields}
 * that works its values out only then ({@link #of(EventFields)}).
 *
 * <p>Immutable and therefore thread-safe. The event id is fixed when the event is built and is sent
 * as the field {@value #ID_FIELD} every time the event is sent, so that a batch that is retried
 * after an ambiguous failure can be deduplicated downstream.
 */
public final class CollectEvent {

    /** Name of the wire field that carries {@link #id()}. Reserved: {@link Builder#put} refuses it. */
    public static final String ID_FIELD = "_eid";

    /**
     * Name of the field holding the event's time (epoch milliseconds, as the Lytics JS tag sends it),
     * named to Lytics as the {@code timestamp_field} of every upload so that a batched or retried
     * event keeps the time it happened.
     */
    public static final String TIME_FIELD = "_ts";

    /** Fixed JSON overhead of one field: two pairs of quotes, a colon and a separating comma. */
    private static final int FIELD_OVERHEAD = 6;
    /** Braces of the object. */
    private static final int OBJECT_OVERHEAD = 2;
    /** Length of a UUID's canonical text. */
    private static final int UUID_LENGTH = 36;

    /** The id: given to {@link Builder#id(String)}, or a random UUID. */
    private final String id;
    /** Flat fields (null when {@link #deferred} is set). */
    private final String[] keys;
    private final String[] values;
    /** Fields worked out when written (null for a flat event). */
    private final EventFields deferred;
    private final int estimatedBytes;
    /** Relayed from a browser: it may fill only its share of the queue. */
    private final boolean relayed;

    private CollectEvent(String id, String[] keys, String[] values, EventFields deferred, int estimatedBytes,
            boolean relayed) {
        this.id = id != null ? id : RandomUuid.next();
        this.keys = keys;
        this.values = values;
        this.deferred = deferred;
        this.estimatedBytes = estimatedBytes;
        this.relayed = relayed;
    }

    /**
     * Starts a new event.
     *
     * @return a new, empty builder (not thread-safe; use one per thread)
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * An event whose fields are worked out when it is written, on the collector's worker thread
     * (see {@link EventFields}), with a random id: what the fields are made of stays in
     * {@code fields} until then.
     *
     * @param fields the event's fields; not null, immutable
     * @return a new event; never null
     * @throws NullPointerException if {@code fields} is null
     */
    public static CollectEvent of(EventFields fields) {
        return of(fields, RandomUuid.next());
    }

    /**
     * As {@link #of(EventFields)}, with the event id given (an id the page already has, such as its
     * page-view id when the event is the one page view of that page).
     *
     * @param fields the event's fields; not null, immutable
     * @param id     the event id; not null, not blank, unique to this event
     * @return a new event; never null
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if {@code id} is blank
     */
    public static CollectEvent of(EventFields fields, String id) {
        Objects.requireNonNull(fields, "fields");
        String checked = checkedId(id);
        long bytes = OBJECT_OVERHEAD + ID_FIELD.length() + checked.length() + FIELD_OVERHEAD + (long) fields.estimatedBytes();
        return new CollectEvent(checked, null, null, fields, (int) Math.min(bytes, Integer.MAX_VALUE), false);
    }

    private static String checkedId(String id) {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
        return id;
    }

    /**
     * The stable event id, sent as the field {@value #ID_FIELD}.
     *
     * @return the id given to {@link Builder#id(String)}, or a random UUID (version 4) chosen when
     *         the event was built; never null
     */
    public String id() {
        return id;
    }

    /**
     * The event's fields in the order they were first put (or written), without {@value #ID_FIELD}.
     *
     * @return an unmodifiable map (a fresh copy on each call: the worker does not use it); never null
     */
    public Map<String, String> fields() {
        Map<String, String> map = new LinkedHashMap<>();
        writeFieldsTo((name, value) -> {
            if (value != null) {
                map.put(name, value);
            }
        });
        return Collections.unmodifiableMap(map);
    }

    /**
     * The approximate size of this event as JSON, counted as one byte per character plus the JSON
     * punctuation, computed when the event was built without serializing it. It is what the
     * collector's queue uses for its byte bound; exact for ASCII text that needs no escaping in
     * events made with {@link #builder()}, possibly larger in those made with
     * {@link #of(EventFields)}, smaller than the wire size for non-ASCII text or escaped characters.
     *
     * @return a positive estimate in bytes
     */
    public int estimatedBytes() {
        return estimatedBytes;
    }

    /**
     * Whether the event was relayed from a browser ({@link Builder#relayed()}): such events may fill
     * only {@link CollectorSettings#relayedSharePercent()} of the collector's queue, so that they can
     * never crowd out the server's own page views.
     *
     * @return true for a relayed event
     */
    public boolean relayed() {
        return relayed;
    }

    /** Writes the fields (not the id) in order. */
    void writeFieldsTo(EventFields.Writer out) {
        if (deferred != null) {
            deferred.writeTo(out);
            return;
        }
        for (int i = 0; i < keys.length; i++) {
            out.field(keys[i], values[i]);
        }
    }

    @Override
    public String toString() {
        return "CollectEvent[" + ID_FIELD + "=" + id() + ", fields=" + fields() + "]";
    }

    /**
     * Collects the fields of one event. Not thread-safe: build each event on one thread. May be
     * reused: {@link #build()} copies what it needs.
     */
    public static final class Builder {
        private String id;
        private String[] keys = new String[8];
        private String[] values = new String[8];
        private int size;
        private boolean relayed;

        private Builder() {
        }

        /**
         * Marks the event as relayed from a browser (see {@link CollectEvent#relayed()}).
         *
         * @return this builder
         */
        public Builder relayed() {
            this.relayed = true;
            return this;
        }

        /**
         * Sets the field {@code key} to {@code value}, replacing an earlier value of the same key.
         *
         * @param key   field name, as the Lytics JS tag names it (e.g. {@code _e}, {@code url}); not
         *              null, not blank, not {@value CollectEvent#ID_FIELD}
         * @param value field value; {@code null} means "no such field" and is skipped
         * @return this builder
         * @throws NullPointerException     if {@code key} is null
         * @throws IllegalArgumentException if {@code key} is blank or is {@value CollectEvent#ID_FIELD}
         */
        public Builder put(String key, String value) {
            Objects.requireNonNull(key, "key");
            if (key.isBlank()) {
                throw new IllegalArgumentException("key must not be blank");
            }
            if (ID_FIELD.equals(key)) {
                throw new IllegalArgumentException("key " + ID_FIELD + " is reserved for the event id: use id(String)");
            }
            if (value == null) {
                return this;
            }
            for (int i = 0; i < size; i++) {
                if (keys[i].equals(key)) {
                    values[i] = value;
                    return this;
                }
            }
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            keys[size] = key;
            values[size] = value;
            size++;
            return this;
        }

        /**
         * Sets the event id explicitly (for example to reuse an id the page already knows). Without
         * it, {@link #build()} picks a random UUID.
         *
         * @param id the id; not null, not blank
         * @return this builder
         * @throws NullPointerException     if {@code id} is null
         * @throws IllegalArgumentException if {@code id} is blank
         */
        public Builder id(String id) {
            this.id = checkedId(id);
            return this;
        }

        /**
         * Builds the immutable event. Does not serialize anything; cost is linear in the number of fields.
         *
         * @return a new event; never null
         */
        public CollectEvent build() {
            long bytes = OBJECT_OVERHEAD + ID_FIELD.length() + (id != null ? id.length() : UUID_LENGTH) + FIELD_OVERHEAD;
            for (int i = 0; i < size; i++) {
                bytes += keys[i].length() + values[i].length() + FIELD_OVERHEAD;
            }
            return new CollectEvent(id, Arrays.copyOf(keys, size), Arrays.copyOf(values, size), null,
                    (int) Math.min(bytes, Integer.MAX_VALUE), relayed);
        }
    }
}
