package io.lytx.sandbox.collect;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a bulk CSV upload is read.
 *
 * <p>Immutable and thread-safe (its collections are copied).
 *
 * @param headers    the column names when the body has no header row; empty when the first row is
 *                   the header
 * @param delimiter  the field separator
 * @param dropErrors true to skip bad rows (counted as rejected) instead of refusing the upload
 * @param append     fields merged into every row (from the {@code append} parameter); not null
 */
public record CsvOptions(List<String> headers, char delimiter, boolean dropErrors, Map<String, Object> append) {

    /**
     * Validates and copies.
     *
     * @param headers the column names when the body has no header row; empty when the first row is
     * @param delimiter the field separator
     * @param dropErrors true to skip bad rows (counted as rejected) instead of refusing the upload
     * @param append fields merged into every row (from the {@code append} parameter); not null
     * @throws NullPointerException when a component is null
     */
    public CsvOptions {
        headers = List.copyOf(Objects.requireNonNull(headers, "headers"));
        append = Map.copyOf(Objects.requireNonNull(append, "append"));
    }

    /**
     * The delimiter named by the {@code delimiter} parameter: {@code t} (or {@code \t}) is tab,
     * a single character is itself, absent or blank is a comma.
     *
     * @param param the parameter value; may be null
     * @return the delimiter
     * @throws IllegalArgumentException when the value is longer than one character (other than
     *                                  {@code \t} / {@code tab})
     */
    public static char delimiterOf(String param) {
        if (param == null || param.isEmpty()) {
            return ',';
        }
        if (param.equals("t") || param.equals("\\t") || param.equalsIgnoreCase("tab") || param.equals("\t")) {
            return '\t';
        }
        if (param.length() != 1) {
            throw new IllegalArgumentException("delimiter must be one character or 't' for tab, was '" + param + "'");
        }
        return param.charAt(0);
    }
}
