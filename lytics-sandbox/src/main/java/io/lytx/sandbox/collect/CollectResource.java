package io.lytx.sandbox.collect;

import io.lytx.client.collect.StreamName;
import io.lytx.client.internal.ListParams;
import io.lytx.sandbox.http.ApiError;
import io.lytx.sandbox.http.Envelope;
import io.lytx.sandbox.http.JsonInput;
import io.lytx.sandbox.profile.ProfileStore;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The data collection API: {@code POST /collect/json/{stream}} (one JSON object or an array of
 * objects) and {@code POST /collect/bulk/{stream}} (CSV, or JSON like the json endpoint).
 *
 * <p>Both answer {@code {message_count, rejected_count, content-type, droperrors, dryrun,
 * timestamp_field, filename}}. A malformed body is refused as a whole with 400 naming the line
 * and column, a wrong content type with 415; a refused {@code /collect/json} request changes
 * nothing (a bulk upload stops at its first bad record, the records before it stored), and
 * {@code dryrun=true} validates and counts without storing. Thread-safe and stateless (state is
 * in the {@link EventIngest}).
 */
@Path("/collect")
@Produces(MediaType.APPLICATION_JSON)
public final class CollectResource {

    private final EventIngest ingest;

    /**
     * The resource over an ingest.
     *
     * @param ingest where accepted events go; not null
     */
    public CollectResource(EventIngest ingest) {
        this.ingest = Objects.requireNonNull(ingest, "ingest");
    }

    /**
     * Collects JSON events.
     *
     * @param stream         the stream name
     * @param contentType    the request's content type (JSON types or none are accepted)
     * @param dryrun         validate and count only
     * @param timestampField the field holding each event's time
     * @param filename       bookkeeping name echoed back
     * @param body           the body
     * @return the counts
     */
    @POST
    @Path("/json/{stream}")
    public Response json(@PathParam("stream") String stream, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                         @QueryParam("dryrun") String dryrun, @QueryParam("timestamp_field") String timestampField,
                         @QueryParam("filename") String filename, InputStream body) {
        checkStream(stream);
        if (!isJson(contentType)) {
            throw new ApiError(415, "unsupported content type '" + contentType
                    + "': /collect/json takes application/json (one object or an array of objects)");
        }
        JsonEventsReader.Events read = JsonEventsReader.read(new InputStreamReader(body, StandardCharsets.UTF_8));
        boolean dry = ProfileStore.truthy(dryrun);
        EventBatch batch = EventBatch.of(ingest, stream, read.events(), timestampField);
        int accepted = ingest.ingest(batch.events(), dry);
        return Envelope.ok(counts(accepted, batch.rejected() + read.oversized(), "application/json", false, dry,
                timestampField, filename));
    }

    /**
     * Collects a bulk upload, read and stored as a stream (memory for one chunk of records, whatever
     * the size): CSV (header row or {@code headers=}), or JSON (one array of objects, or
     * newline-delimited objects; see {@link JsonBulkReader}), either of them gzipped or not.
     *
     * @param stream         the stream name
     * @param contentType    the content type: CSV ({@code text/csv}, {@code application/csv}),
     *                       {@code text/plain}, none, or JSON ({@code application/json},
     *                       {@code application/x-ndjson}, ...)
     * @param dryrun         validate and count only
     * @param timestampField the column holding each row's time
     * @param filename       bookkeeping name echoed back
     * @param delimiter      the field separator ({@code t} = tab); default comma
     * @param dropErrors     skip bad rows instead of stopping the upload
     * @param append         a JSON object merged into every row
     * @param uriInfo        the request URI (for the {@code headers} list parameter)
     * @param body           the body
     * @return the counts
     */
    @POST
    @Path("/bulk/{stream}")
    public Response bulk(@PathParam("stream") String stream, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                         @QueryParam("dryrun") String dryrun, @QueryParam("timestamp_field") String timestampField,
                         @QueryParam("filename") String filename, @QueryParam("delimiter") String delimiter,
                         @QueryParam("droperrors") String dropErrors, @QueryParam("append") String append,
                         @Context UriInfo uriInfo, InputStream body) {
        checkStream(stream);
        boolean dry = ProfileStore.truthy(dryrun);
        boolean drop = ProfileStore.truthy(dropErrors);
        boolean json = contentType != null && isJson(contentType);
        if (!json && !isCsv(contentType)) {
            throw new ApiError(415, "unsupported content type '" + contentType
                    + "': /collect/bulk takes text/csv or application/csv (or application/json)");
        }
        CsvOptions csvOptions = json ? null : csvOptions(delimiter, drop, append, uriInfo);
        BulkUpload upload = new BulkUpload(ingest, stream, timestampField, dry, drop);
        long csvRejected = 0;
        try (Reader text = UploadBody.open(body)) {
            if (json) {
                JsonBulkReader.read(text, upload);
            } else {
                csvRejected = CsvEventReader.read(text, csvOptions,
                        row -> upload.accept(() -> "CSV error at " + row.where(timestampField), row.fields())).rejected();
            }
        } catch (ApiError e) {
            throw upload.stopped(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long[] counts = upload.finish();
        return Envelope.ok(counts(counts[0], counts[1] + csvRejected, json ? "application/json" : "application/csv",
                drop, dry, timestampField, filename));
    }

    private static CsvOptions csvOptions(String delimiter, boolean drop, String append, UriInfo uriInfo) {
        char sep;
        try {
            sep = CsvOptions.delimiterOf(delimiter);
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, e.getMessage());
        }
        return new CsvOptions(ListParams.parse(uriInfo.getQueryParameters(), "headers"), sep, drop, appendParam(append));
    }

    static void checkStream(String stream) {
        if (!StreamName.isValid(stream)) {
            throw new ApiError(400, "invalid stream name '" + stream + "': use " + StreamName.RULE);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> appendParam(String append) {
        if (append == null || append.isBlank()) {
            return Map.of();
        }
        Object v;
        try {
            v = JsonInput.parse(append);
        } catch (ApiError e) {
            throw new ApiError(400, "parameter append: " + e.getMessage());
        }
        if (!(v instanceof Map)) {
            throw new ApiError(400, "parameter append must be a JSON object, got " + JsonInput.typeName(v));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        ((Map<String, Object>) v).forEach((k, val) -> {
            if (val != null) {
                out.put(k, val);
            }
        });
        return out;
    }

    static Map<String, Object> counts(long accepted, long rejected, String type, boolean drop, boolean dry,
                                      String timestampField, String filename) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("message_count", accepted);
        m.put("rejected_count", rejected);
        m.put("content-type", type);
        m.put("droperrors", drop);
        m.put("dryrun", dry);
        m.put("timestamp_field", timestampField == null ? "" : timestampField);
        m.put("filename", filename == null ? "" : filename);
        return m;
    }

    static boolean isJson(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        String t = baseType(contentType);
        return t.equals("application/json") || t.equals("text/json") || t.endsWith("+json")
                || t.equals("application/x-ndjson") || t.equals("application/jsonl") || t.equals("application/x-jsonlines");
    }

    private static boolean isCsv(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        String t = baseType(contentType);
        return t.equals("text/csv") || t.equals("application/csv") || t.equals("text/plain")
                || t.equals("text/tab-separated-values") || t.equals("application/octet-stream");
    }

    static String baseType(String contentType) {
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }
}
