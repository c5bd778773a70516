package io.lytx.sandbox.store;

import java.util.Map;
import java.util.Objects;

/**
 * Reads values back from journal records. A record handed to a replay handler is parsed JSON, so
 * a number written as a {@code long} comes back as a {@code BigDecimal}; one written by the
 * in-memory journal stays what it was. Stateless; thread-safe.
 */
public final class JournalRecords {

    private JournalRecords() {
    }

    /**
     * A whole number of a record (epoch milliseconds, counts), whatever {@link Number} type it came
     * back as; a fraction is cut off.
     *
     * @param record the record; not null
     * @param key    the field; not null
     * @return the value as a {@code long}
     * @throws IllegalArgumentException when the field is missing or not a number (a corrupt record)
     */
    public static long longValue(Map<String, ?> record, String key) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(key, "key");
        if (record.get(key) instanceof Number n) {
            return n.longValue();
        }
        throw new IllegalArgumentException("journal record field " + key + " is not a number: " + record.get(key));
    }
}
