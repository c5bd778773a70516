package io.lytx.servlet.collect;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One event to forward to the Lytics collection API: a flat map of string fields plus a stable
 * event id. Built cheaply on the request thread (no JSON, no I/O) and serialized later by the
 * collector's worker.
 *
 * <p>Immutable and therefore thread-safe. The event id is fixed when the event is built and is sent
 * as the field {@value #ID_FIELD} every time the event is sent, so that a batch that is retried
 * after an ambiguous failure can be deduplicated downstream.
 */
public final class CollectEvent {

    /** Name of the wire field that carries {@link #id()}. Reserved: {@link Builder#put} refuses it. */
    public static final String ID_FIELD = "_eid";

    /** Fixed JSON overhead of one field: two pairs of quotes, a colon and a separating comma. */
    private static final int FIELD_OVERHEAD = 6;
    /** Braces of the object. */
    private static final int OBJECT_OVERHEAD = 2;

    private final String id;
    private final String[] keys;
    private final String[] values;
    private final int estimatedBytes;

    private CollectEvent(String id, String[] keys, String[] values, int estimatedBytes) {
        this.id = id;
        this.keys = keys;
        this.values = values;
        this.estimatedBytes = estimatedBytes;
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
     * The stable event id, sent as the field {@value #ID_FIELD}.
     *
     * @return the id given to {@link Builder#id(String)}, or a random UUID (version 4) chosen at build time;
     *         never null
     */
    public String id() {
        return id;
    }

    /**
     * The event's fields in the order they were first put, without {@value #ID_FIELD}.
     *
     * @return an unmodifiable map (a fresh copy on each call: the worker does not use it); never null
     */
    public Map<String, String> fields() {
        Map<String, String> map = new LinkedHashMap<>(keys.length * 2);
        for (int i = 0; i < keys.length; i++) {
            map.put(keys[i], values[i]);
        }
        return Collections.unmodifiableMap(map);
    }

    /**
     * The approximate size of this event as JSON, counted as one byte per character plus the JSON
     * punctuation, computed when the event was built without serializing it. It is what the
     * collector's queue uses for its byte bound; exact for ASCII text that needs no escaping,
     * smaller than the wire size for non-ASCII text or escaped characters.
     *
     * @return a positive estimate in bytes
     */
    public int estimatedBytes() {
        return estimatedBytes;
    }

    /** Number of fields, without the id. */
    int size() {
        return keys.length;
    }

    /** Name of field {@code i} (0-based, in put order). */
    String key(int i) {
        return keys[i];
    }

    /** Value of field {@code i} (0-based, in put order). */
    String value(int i) {
        return values[i];
    }

    @Override
    public String toString() {
        return "CollectEvent[" + ID_FIELD + "=" + id + ", fields=" + fields() + "]";
    }

    /**
     * Collects the fields of one event. Not thread-safe: build each event on one thread. May be
     * reused: {@link #build()} copies what it needs.
     */
    public static final class Builder {
        private String id;
        private String[] keys = new String[16];
        private String[] values = new String[16];
        private int size;

        private Builder() {
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
            Objects.requireNonNull(id, "id");
            if (id.isBlank()) {
                throw new IllegalArgumentException("id must not be blank");
            }
            this.id = id;
            return this;
        }

        /**
         * Builds the immutable event. Does not serialize anything; cost is linear in the number of fields.
         *
         * @return a new event; never null
         */
        public CollectEvent build() {
            String eventId = id != null ? id : randomId();
            long bytes = OBJECT_OVERHEAD + ID_FIELD.length() + eventId.length() + FIELD_OVERHEAD;
            for (int i = 0; i < size; i++) {
                bytes += keys[i].length() + values[i].length() + FIELD_OVERHEAD;
            }
            return new CollectEvent(eventId, Arrays.copyOf(keys, size), Arrays.copyOf(values, size),
                    (int) Math.min(bytes, Integer.MAX_VALUE));
        }

        /**
         * A version-4 UUID from the thread's own random generator: unique enough for deduplication,
         * and it avoids the shared {@code SecureRandom} of {@link UUID#randomUUID()} on request threads.
         */
        private static String randomId() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
            long lsb = (random.nextLong() & ~(0xC000_0000_0000_0000L)) | 0x8000_0000_0000_0000L;
            return new UUID(msb, lsb).toString();
        }
    }
}
