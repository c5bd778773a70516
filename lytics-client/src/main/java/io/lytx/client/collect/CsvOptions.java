package io.lytx.client.collect;

import io.lytx.client.internal.ApiRequest;
import io.lytx.client.internal.Args;
import java.util.List;

/**
 * Query options of a CSV upload to {@code /collect/bulk}: {@code headers} (when the file has no
 * header row), {@code delimiter}, {@code droperrors}, {@code dryrun}, {@code timestamp_field},
 * {@code filename}. Immutable and thread-safe; setters return copies; unset options are not sent.
 */
public final class CsvOptions {

    private static final CsvOptions DEFAULTS = new CsvOptions(List.of(), null, false, false, null, null);

    private final List<String> headers;
    private final Character delimiter;
    private final boolean dropErrors;
    private final boolean dryRun;
    private final String timestampField;
    private final String filename;

    private CsvOptions(List<String> headers, Character delimiter, boolean dropErrors, boolean dryRun,
                       String timestampField, String filename) {
        this.headers = headers;
        this.delimiter = delimiter;
        this.dropErrors = dropErrors;
        this.dryRun = dryRun;
        this.timestampField = timestampField;
        this.filename = filename;
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
        return new CsvOptions(List.copyOf(Args.notNull(headers, "headers")), delimiter, dropErrors, dryRun, timestampField, filename);
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
        return new CsvOptions(headers, delimiter, dropErrors, dryRun, timestampField, filename);
    }

    /**
     * @param dropErrors true to skip bad rows instead of stopping at the first
     * @return a copy
     */
    public CsvOptions dropErrors(boolean dropErrors) {
        return new CsvOptions(headers, delimiter, dropErrors, dryRun, timestampField, filename);
    }

    /**
     * @param dryRun true to count without storing
     * @return a copy
     */
    public CsvOptions dryRun(boolean dryRun) {
        return new CsvOptions(headers, delimiter, dropErrors, dryRun, timestampField, filename);
    }

    /**
     * @param timestampField the column holding the event time; not blank
     * @return a copy
     */
    public CsvOptions timestampField(String timestampField) {
        return new CsvOptions(headers, delimiter, dropErrors, dryRun, Args.notBlank(timestampField, "timestampField"), filename);
    }

    /**
     * @param filename a name Lytics keeps for bookkeeping; not blank
     * @return a copy
     */
    public CsvOptions filename(String filename) {
        return new CsvOptions(headers, delimiter, dropErrors, dryRun, timestampField, Args.notBlank(filename, "filename"));
    }

    ApiRequest applyTo(ApiRequest r) {
        String delim = delimiter == null ? null : delimiter == '\t' ? "t" : String.valueOf(delimiter);
        return r.queryList("headers", headers).query("delimiter", delim).query("droperrors", dropErrors ? Boolean.TRUE : null)
                .query("dryrun", dryRun ? Boolean.TRUE : null).query("timestamp_field", timestampField)
                .query("filename", filename);
    }

    @Override
    public String toString() {
        return "CsvOptions[headers=" + headers + ", delimiter=" + delimiter + ", droperrors=" + dropErrors
                + ", dryrun=" + dryRun + ", timestamp_field=" + timestampField + ", filename=" + filename + "]";
    }
}
