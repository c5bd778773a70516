package io.lytx.sandbox.collect;

import java.util.Map;
import java.util.Objects;

/**
 * One data row of a CSV upload.
 *
 * @param line   the 1-based line on which the row starts
 * @param fields column name to text value (empty values left out), plus the appended fields
 */
public record CsvRow(long line, Map<String, Object> fields) {

    /**
     * Validates.
     *
     * @throws NullPointerException when {@code fields} is null
     */
    public CsvRow {
        Objects.requireNonNull(fields, "fields");
    }
}
