package io.lytx.client.collect;

import io.lytx.client.internal.ApiRequest;
import io.lytx.client.internal.Args;
import io.lytx.client.internal.Jsonp;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Query options of a CSV upload to {@code /collect/bulk}: {@code headers} (when the file has no
 * header row), {@code delimiter}, {@code droperrors}, {@code dryrun}, {@code timestamp_field},
 * {@code filename}, {@code append} (fields added to every row). Immutable and thread-safe; setters
 * return copies; unset options are not sent.
 */
public final class CsvOptions {

    private static final CsvOptions DEFAULTS = new CsvOptions(List.of(), null, false, false, null, null, Map.of());

    private final List<String> headers;
    private final Character delimiter;
    private final boolean dropErrors;
    private final boolean dryRun;
    private final String timestampField;
    private final String filename;
    private final Map<String, Object> append;

    private CsvOptions(List<String> headers, Character delimiter, boolean dropErrors, boolean dryRun,
                       String timestampField, String filename, Map<String, Object> append) {
        this.headers = headers;
        this.delimiter = delimiter;
        this.dropErrors = dropErrors;
        this.dryRun = dryRun;
        this.timestampField = timestampField;
        this.filename = filename;
        this.append = append;
    }

    /** @return comma-separated, header row in the file, stop at the first bad row */
    public static CsvOptions defaults() {
        return DEFAULTS;
    }

    /**
     * @param headers column names, for a file without a header row
     * @return a copy
     */
    public CsvOptions headers(List<String> headers) {
        return new CsvOptions(List.copyOf(Args.notNull(headers, "headers")), delimiter, dropErrors, dryRun, timestampField, filename, append);
    }

    /**
     * @param delimiter the column separator; a tab is sent as {@code t}, as Lytics expects
     * @return a copy
     * @throws IllegalArgumentException for CR, LF or a double quote
     */
    public CsvOptions delimiter(char delimiter) {
        if (delimiter == '\r' || delimiter == '\n' || delimiter == '"') {
            throw new IllegalArgumentException("delimiter must not be CR, LF or a double quote");
        }
        return new CsvOptions(headers, delimiter, dropErrors, dryRun, timestampField, filename, append);
    }

    /**
     * @param dropErrors true to skip bad rows instead of stopping at the first
     * @return a copy
     */
    public CsvOptions dropErrors(boolean dropErrors) {
        return new CsvOptions(headers, delimiter, dropErrors, dryRun, timestampField, filename, append);
    }

    /**
     * @param dryRun true to count without storing
     * @return a copy
     */
    public CsvOptions dryRun(boolean dryRun) {
        return new CsvOptions(headers, delimiter, dropErrors, dryRun, timestampField, filename, append);
    }

    /**
     * @param timestampField the column holding the event time; not blank
     * @return a copy
     */
    public CsvOptions timestampField(String timestampField) {
        return new CsvOptions(headers, delimiter, dropErrors, dryRun, Args.notBlank(timestampField, "timestampField"), filename, append);
    }

    /**
     * @param filename a name Lytics keeps for bookkeeping; not blank
     * @return a copy
     */
    public CsvOptions filename(String filename) {
        return new CsvOptions(headers, delimiter, dropErrors, dryRun, timestampField, Args.notBlank(filename, "filename"), append);
    }

    /**
     * Fields Lytics adds to every row of the upload ({@code append}, sent as a URL-encoded JSON
     * object, as in Lytics' BulkCSVUpload example {@code append=urlencode({"source":"crm"})}), e.g.
     * the source of a file whose name carries it. A column of the same name in the file wins.
     *
     * @param fields field names to values: text, numbers or booleans; not null, not empty
     * @return a copy
     * @throws IllegalArgumentException when empty, a name is blank or a value is of another type
     */
    public CsvOptions append(Map<String, ?> fields) {
        Args.notNull(fields, "fields");
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("fields must not be empty");
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            if (k == null || k.isBlank()) {
                throw new IllegalArgumentException("append: field names must not be blank");
            }
            if (!(v instanceof String || v instanceof Number || v instanceof Boolean)) {
                throw new IllegalArgumentException("append: the value of '" + k + "' must be text, a number or a boolean, was "
                        + (v == null ? "null" : v.getClass().getSimpleName()));
            }
            copy.put(k, v);
        });
        return new CsvOptions(headers, delimiter, dropErrors, dryRun, timestampField, filename, Collections.unmodifiableMap(copy));
    }

    private String appendJson() {
        if (append.isEmpty()) {
            return null;
        }
        JsonObjectBuilder b = Jsonp.PROVIDER.createObjectBuilder();
        append.forEach((k, v) -> {
            if (v instanceof String text) {
                b.add(k, text);
            } else if (v instanceof Boolean flag) {
                b.add(k, flag);
            } else {
                b.add(k, new BigDecimal(v.toString()));
            }
        });
        return b.build().toString();
    }

    ApiRequest applyTo(ApiRequest r) {
        String delim = delimiter == null ? null : delimiter == '\t' ? "t" : String.valueOf(delimiter);
        return r.queryList("headers", headers).query("delimiter", delim).query("droperrors", dropErrors ? Boolean.TRUE : null)
                .query("dryrun", dryRun ? Boolean.TRUE : null).query("timestamp_field", timestampField)
                .query("filename", filename).query("append", appendJson());
    }

    @Override
    public String toString() {
        return "CsvOptions[headers=" + headers + ", delimiter=" + delimiter + ", droperrors=" + dropErrors
                + ", dryrun=" + dryRun + ", timestamp_field=" + timestampField + ", filename=" + filename
                + ", append=" + append.keySet() + "]";
    }
}
