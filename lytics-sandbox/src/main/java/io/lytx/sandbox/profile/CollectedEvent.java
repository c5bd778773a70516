package io.lytx.sandbox.profile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One accepted event, ready to be applied to profiles.
 *
 * <p>Immutable (the field map is copied into an unmodifiable map; its nested values must not be
 * changed by the caller afterwards).
 *
 * @param stream      the stream it was collected on; not blank
 * @param timestampMs the event time, epoch milliseconds (the value of the request's
 *                    {@code timestamp_field}, or the time of collection)
 * @param fields      the event's fields: String, BigDecimal, Boolean, List, Map values
 */
public record CollectedEvent(String stream, long timestampMs, Map<String, Object> fields) {

    /**
     * Validates and copies.
     *
     * @param stream the stream it was collected on; not blank
     * @param timestampMs the event time, epoch milliseconds (the request's {@code timestamp_field}, or the time of collection)
     * @param fields the event's fields: String, BigDecimal, Boolean, List, Map values
     * @throws NullPointerException     when a component is null
     * @throws IllegalArgumentException when the stream is blank
     */
    public CollectedEvent {
        Objects.requireNonNull(stream, "stream");
        if (stream.isBlank()) {
            throw new IllegalArgumentException("stream must not be blank");
        }
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(fields, "fields")));
    }
}
