package io.lytx.sandbox.collect;

import io.lytx.sandbox.http.ApiError;
import io.lytx.sandbox.http.JsonInput;
import java.io.Reader;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a bulk JSON upload record by record (one array of objects, or objects one after another,
 * newline-delimited) and hands each to a {@link BulkUpload}.
 *
 * <p>A record is bad when it is not well-formed JSON, not an object, larger than 16 KB (Lytics'
 * limit per record in a batch, {@link RecordLimits}), or holds an object nested inside an array: Lytics' BulkJSONUpload reference accepts
 * {@code {"order_ids":[1,2,3]}} and calls {@code {"orders":[{"id":1,"price":22}]}} "not valid
 * because it has objects nested inside arrays". A record that breaks the shape between records
 * (a missing comma) ends the upload whatever {@code droperrors} says, since nothing after it can
 * be read. Stateless and thread-safe.
 */
final class JsonBulkReader {

    private static final Pattern POSITION = Pattern.compile("^malformed JSON at line (\\d+), column (\\d+): ");

    private JsonBulkReader() {
    }

    /**
     * Reads the whole upload into {@code upload}.
     *
     * @param in     the JSON text; not closed
     * @param upload receives the records
     * @throws ApiError 400 for a bad record (without {@code droperrors}) or a broken shape
     */
    static void read(Reader in, BulkUpload upload) {
        JsonRecordSplitter records = new JsonRecordSplitter(in, RecordLimits.IN_BATCH_BYTES);
        long index = -1;
        while (true) {
            JsonRecordSplitter.Record r = records.next();
            if (r == null) {
                return;
            }
            index++;
            Map<String, Object> fields;
            try {
                fields = object(r, records.isArray() ? "element " + index + " of the array"
                        : "the record at line " + r.line() + ", column " + r.column(), true);
            } catch (ApiError bad) {
                upload.reject(bad);
                continue;
            }
            upload.accept(() -> "error at line " + r.line() + ", column " + r.column(), fields);
        }
    }

    /**
     * The object a record holds.
     *
     * @param r        the record
     * @param what     the record, for messages ({@code element 3 of the array})
     * @param flatOnly true to refuse objects nested inside arrays (the bulk upload's rule)
     * @return its fields
     * @throws ApiError 400 when it is oversized, malformed, not an object, or (with {@code flatOnly})
     *                  holds an object inside an array
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(JsonRecordSplitter.Record r, String what, boolean flatOnly) {
        if (r.oversized()) {
            throw new ApiError(400, what + " is larger than " + RecordLimits.IN_BATCH_BYTES
                    + " bytes (Lytics' limit of 16 KB per record in a batch)");
        }
        Object value;
        try {
            value = JsonInput.parse(r.text());
        } catch (ApiError e) {
            throw new ApiError(400, absolute(e.getMessage(), r));
        }
        if (!(value instanceof Map)) {
            throw new ApiError(400, what + " is " + JsonInput.typeName(value) + ", expected an object");
        }
        Map<String, Object> fields = (Map<String, Object>) value;
        for (Map.Entry<String, Object> e : flatOnly ? fields.entrySet() : Map.<String, Object>of().entrySet()) {
            String nested = objectInArray(e.getKey(), e.getValue(), false);
            if (nested != null) {
                throw new ApiError(400, what + " has an object nested inside an array (field '" + nested
                        + "'); Lytics' bulk JSON upload does not accept that: flatten it, e.g. {\"order_ids\":[1,2]}");
            }
        }
        return fields;
    }

    /** The path of the first object found inside an array, or null. */
    private static String objectInArray(String path, Object value, boolean insideArray) {
        if (value instanceof Map<?, ?> map) {
            if (insideArray) {
                return path;
            }
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String found = objectInArray(path + "." + e.getKey(), e.getValue(), false);
                if (found != null) {
                    return found;
                }
            }
        } else if (value instanceof List<?> list) {
            for (Object o : list) {
                String found = objectInArray(path, o, true);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** A parser message about the record's text, with the position in the whole upload. */
    private static String absolute(String message, JsonRecordSplitter.Record r) {
        Matcher m = POSITION.matcher(message);
        if (!m.find()) {
            return "the record at line " + r.line() + ", column " + r.column() + ": " + message;
        }
        long line = Long.parseLong(m.group(1));
        long column = Long.parseLong(m.group(2));
        long absLine = r.line() + line - 1;
        long absColumn = line == 1 ? r.column() + column - 1 : column;
        return "malformed JSON at line " + absLine + ", column " + absColumn + ": " + message.substring(m.end());
    }
}
