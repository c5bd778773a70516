package io.lytx.sandbox.collect;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One data row of a CSV upload.
 *
 * <p>Immutable and thread-safe: the field map is copied (unmodifiable, in column order).
 *
 * @param line   the 1-based line on which the row starts
 * @param fields column name to text value (empty values left out), plus the appended fields
 * @param header the column names, in column order
 */
public record CsvRow(long line, Map<String, Object> fields, List<String> header) {

    /**
     * Validates.
     *
     * @param line the 1-based line on which the row starts
     * @param fields column name to text value (empty values left out), plus the appended fields
     * @param header the column names, in column order
     * @throws NullPointerException when {@code fields} or {@code header} is null
     */
    public CsvRow {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(fields, "fields")));
        header = List.copyOf(header);
    }

    /**
     * Where a field of this row is, for messages.
     *
     * @param field a column name
     * @return {@code line L, column C}, or {@code line L} when the field is not a column
     */
    public String where(String field) {
        int column = field == null ? 0 : header.indexOf(field) + 1;
        return "line " + line + (column > 0 ? ", column " + column : "");
    }
}
