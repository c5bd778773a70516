package io.lytx.sandbox.collect;

import io.lytx.sandbox.http.ApiError;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the body of {@code POST /collect/json/{stream}}: one JSON object, or one array of objects.
 * A record over Lytics' size limits ({@link RecordLimits}: 4 KB for an object sent alone, 16 KB for
 * an element of an array) is not kept and is counted, like any rejected record, in
 * {@code rejected_count}; anything malformed refuses the whole body (400 with the line and
 * column). The body is bounded (10 MB) before it gets here. Stateless and thread-safe.
 */
final class JsonEventsReader {

    /**
     * What a body holds.
     *
     * @param events    the records within the limits, in order
     * @param oversized how many records were over the limits
     */
    record Events(List<Map<String, Object>> events, int oversized) {
    }

    private JsonEventsReader() {
    }

    /**
     * Reads a whole body.
     *
     * @param in the UTF-8 text of the body
     * @return its records
     * @throws ApiError 400 when the body is not one object or one array of objects
     */
    static Events read(Reader in) {
        JsonRecordSplitter records = new JsonRecordSplitter(in, RecordLimits.IN_BATCH_BYTES);
        List<Map<String, Object>> events = new ArrayList<>();
        int oversized = 0;
        int index = -1;
        for (JsonRecordSplitter.Record r = records.next(); r != null; r = records.next()) {
            index++;
            if (!records.isArray() && index > 0) {
                throw new ApiError(400, "malformed JSON at line " + r.line() + ", column " + r.column()
                        + ": unexpected content after the JSON value (send one object or one array of objects)");
            }
            int limit = records.isArray() ? RecordLimits.IN_BATCH_BYTES : RecordLimits.SINGLE_BYTES;
            if (r.oversized() || r.bytes() > limit) {
                oversized++;
                continue;
            }
            events.add(JsonBulkReader.object(r, records.isArray() ? "element " + index + " of the array" : "the body", false));
        }
        return new Events(events, oversized);
    }
}
