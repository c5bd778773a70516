package io.lytx.client.collect;

import io.lytx.client.internal.ApiRequest;
import io.lytx.client.internal.Args;

/**
 * Query options of {@code /collect/json}: {@code dryrun}, {@code timestamp_field}, {@code filename}.
 * Immutable and thread-safe; setters return copies; unset options are not sent.
 */
public final class CollectOptions {

    private static final CollectOptions DEFAULTS = new CollectOptions(false, null, null);

    private final boolean dryRun;
    private final String timestampField;
    private final String filename;

    private CollectOptions(boolean dryRun, String timestampField, String filename) {
        this.dryRun = dryRun;
        this.timestampField = timestampField;
        this.filename = filename;
    }

    /** @return no options: stored for real, event time = arrival time */
    public static CollectOptions defaults() {
        return DEFAULTS;
    }

    /**
     * @param dryRun true to have Lytics count without storing
     * @return a copy
     */
    public CollectOptions dryRun(boolean dryRun) {
        return new CollectOptions(dryRun, timestampField, filename);
    }

    /**
     * @param timestampField the event field holding the event time; not blank
     * @return a copy
     */
    public CollectOptions timestampField(String timestampField) {
        return new CollectOptions(dryRun, Args.notBlank(timestampField, "timestampField"), filename);
    }

    /**
     * @param filename a name Lytics keeps for bookkeeping; not blank
     * @return a copy
     */
    public CollectOptions filename(String filename) {
        return new CollectOptions(dryRun, timestampField, Args.notBlank(filename, "filename"));
    }

    /** @return whether this is a dry run */
    public boolean isDryRun() {
        return dryRun;
    }

    ApiRequest applyTo(ApiRequest r) {
        return r.query("dryrun", dryRun ? Boolean.TRUE : null).query("timestamp_field", timestampField)
                .query("filename", filename);
    }

    @Override
    public String toString() {
        return "CollectOptions[dryrun=" + dryRun + ", timestamp_field=" + timestampField + ", filename=" + filename + "]";
    }
}
