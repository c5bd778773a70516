package io.lytx.sandbox.collect;

import io.lytx.sandbox.http.ApiError;
import io.lytx.sandbox.profile.CollectedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The receiving end of one bulk upload: takes its records one at a time as they are read, gives
 * each its event time, and stores them in chunks of {@value #CHUNK} (one journal record each), so
 * that memory holds one chunk whatever the size of the upload.
 *
 * <p>Errors follow Lytics' documented bulk behaviour ("Upon error, it will stop processing and
 * return", learn.lytics.com data-upload): a bad record stops the upload, unless {@code droperrors}
 * skips and counts it; the records before it are stored, and the error message says how many, so
 * the sender knows where to resume. A dry run stores nothing. Not thread-safe: one per request.
 */
final class BulkUpload {

    /** Records stored per journal record. */
    static final int CHUNK = 500;

    private final EventIngest ingest;
    private final String stream;
    private final String timestampField;
    private final boolean dryRun;
    private final boolean dropErrors;
    private final List<CollectedEvent> pending = new ArrayList<>(CHUNK);
    private long stored;
    private long rejected;
    private boolean ended;

    /**
     * @param ingest         where records go
     * @param stream         the stream
     * @param timestampField the field holding each record's time, or null
     * @param dryRun         count only
     * @param dropErrors     skip and count bad records instead of stopping
     */
    BulkUpload(EventIngest ingest, String stream, String timestampField, boolean dryRun, boolean dropErrors) {
        this.ingest = ingest;
        this.stream = stream;
        this.timestampField = timestampField;
        this.dryRun = dryRun;
        this.dropErrors = dropErrors;
    }

    /**
     * Takes one good record.
     *
     * @param where  where it is, for messages ({@code CSV error at line 3, column 2}); called only on an error
     * @param fields its fields
     * @throws ApiError 400 when its time cannot be read (without {@code droperrors}); 507 when the
     *                  profile limit is reached
     */
    void accept(Supplier<String> where, Map<String, Object> fields) {
        OptionalLong ts = ingest.eventTime(fields, timestampField);
        if (ts.isEmpty()) {
            reject(new ApiError(400, where.get() + ": cannot read the time in field '" + timestampField
                    + "': '" + fields.get(timestampField) + "'"));
            return;
        }
        pending.add(new CollectedEvent(stream, ts.getAsLong(), fields));
        if (pending.size() >= CHUNK) {
            flush();
        }
    }

    /**
     * Takes one bad record: counted with {@code droperrors}, else the end of the upload.
     *
     * @param error what is wrong with it
     * @throws ApiError the error (with what was stored) without {@code droperrors}
     */
    void reject(ApiError error) {
        if (!dropErrors) {
            throw stopped(error);
        }
        rejected++;
    }

    /**
     * Stores what is pending and returns the counts.
     *
     * @return the number of records stored (or counted, in a dry run) and rejected
     */
    long[] finish() {
        flush();
        return new long[] {stored, rejected};
    }

    /**
     * The error that ends the upload, once the records before it are stored, saying how many were.
     *
     * @param error the error
     * @return the error to answer with
     */
    ApiError stopped(ApiError error) {
        if (ended) {
            return error;
        }
        ended = true;
        try {
            flush();
        } catch (ProfileLimitError full) {
            return full;
        }
        String done = dryRun ? "nothing was stored (dry run)"
                : stored == 0 ? "nothing was stored" : "the " + stored + " records before it were stored";
        return new ApiError(error.status(), error.getMessage() + "; the upload stopped there and " + done);
    }

    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        try {
            stored += ingest.ingest(List.copyOf(pending), dryRun, true);
        } catch (ProfileLimitError full) {
            stored += full.stored();
            pending.clear();
            ended = true;
            throw full.forUpload("the upload stopped there and " + (stored == 0 ? "nothing was stored"
                    : "the " + stored + " records before it were stored"));
        }
        pending.clear();
    }
}
