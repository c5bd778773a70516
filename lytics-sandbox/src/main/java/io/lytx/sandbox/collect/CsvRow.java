package io.lytx.sandbox.collect;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One data row of a CSV upload.
 *
 * <p>Immutable and thread-safe: the field map is copied (unmodifiable, in column order).
 *
 * @param line   the 1-based line on which the row starts
 * @param fields column name to text value (empty values left out), plus the appended fields
 */
public record CsvRow(long line, Map<String, Object> fields) {

    /**
     * Validates.
     *
     * @param line the 1-based line on which the row starts
     * @param fields column name to text value (empty values left out), plus the appended fields
     * @throws NullPointerException when {@code fields} is null
     */
    public CsvRow {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(fields, "fields")));
    }
}
