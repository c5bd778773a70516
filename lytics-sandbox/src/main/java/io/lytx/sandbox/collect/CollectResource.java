package io.lytx.sandbox.collect;

import io.lytx.client.params.ListParams;
import io.lytx.sandbox.http.ApiError;
import io.lytx.sandbox.http.Envelope;
import io.lytx.sandbox.http.JsonInput;
import io.lytx.sandbox.profile.CollectedEvent;
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
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The data collection API: {@code POST /collect/json/{stream}} (one JSON object or an array of
 * objects) and {@code POST /collect/bulk/{stream}} (CSV, or JSON like the json endpoint).
 *
 * <p>Both answer {@code {message_count, rejected_count, content-type, droperrors, dryrun,
 * timestamp_field, filename}}. A malformed body is refused as a whole with 400 naming the line
 * and column, a wrong content type with 415; a refused request changes nothing, and
 * {@code dryrun=true} validates and counts without storing. Thread-safe and stateless (state is
 * in the {@link EventIngest}).
 */
@Path("/collect")
@Produces(MediaType.APPLICATION_JSON)
public final class CollectResource {

    /** The largest decompressed size of a gzipped bulk upload. */
    public static final int MAX_INFLATED_BYTES = 64 * 1024 * 1024;

    private static final Pattern STREAM = Pattern.compile("[A-Za-z0-9_.\\-]{1,100}");

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
        List<Map<String, Object>> events = objects(JsonInput.parse(body));
        boolean dry = ProfileStore.truthy(dryrun);
        EventBatch batch = EventBatch.of(ingest, stream, events, timestampField);
        int accepted = ingest.ingest(batch.events(), dry);
        return Envelope.ok(counts(accepted, batch.rejected(), "application/json", false, dry, timestampField, filename));
    }

    /**
     * Collects a bulk upload: CSV (header row or {@code headers=}), or JSON.
     *
     * @param stream         the stream name
     * @param contentType    the content type: CSV ({@code text/csv}, {@code application/csv}),
     *                       {@code text/plain}, none, or JSON
     * @param dryrun         validate and count only
     * @param timestampField the column holding each row's time
     * @param filename       bookkeeping name echoed back
     * @param delimiter      the field separator ({@code t} = tab); default comma
     * @param dropErrors     skip bad rows instead of refusing the upload
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
        if (contentType != null && isJson(contentType)) {
            List<Map<String, Object>> events = objects(JsonInput.parse(body));
            EventBatch batch = EventBatch.of(ingest, stream, events, timestampField);
            int accepted = ingest.ingest(batch.events(), dry);
            return Envelope.ok(counts(accepted, batch.rejected(), "application/json", false, dry, timestampField, filename));
        }
        if (!isCsv(contentType)) {
            throw new ApiError(415, "unsupported content type '" + contentType
                    + "': /collect/bulk takes text/csv or application/csv (or application/json)");
        }
        char sep;
        try {
            sep = CsvOptions.delimiterOf(delimiter);
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, e.getMessage());
        }
        boolean drop = ProfileStore.truthy(dropErrors);
        Map<String, Object> appended = appendParam(append);
        List<String> headers = ListParams.parse(uriInfo.getQueryParameters(), "headers");
        CsvEventReader.Result csv = CsvEventReader.read(readCsv(body), new CsvOptions(headers, sep, drop, appended));
        List<CollectedEvent> events = new ArrayList<>(csv.rows().size());
        int rejected = csv.rejected();
        for (CsvRow row : csv.rows()) {
            var ts = ingest.eventTime(row.fields(), timestampField);
            if (ts.isEmpty()) {
                if (!drop) {
                    int column = csv.header().indexOf(timestampField) + 1;
                    throw new ApiError(400, "CSV error at line " + row.line()
                            + (column > 0 ? ", column " + column : "") + ": cannot read the time in field '"
                            + timestampField + "': '" + row.fields().get(timestampField) + "'");
                }
                rejected++;
                continue;
            }
            events.add(new CollectedEvent(stream, ts.getAsLong(), row.fields()));
        }
        int accepted = ingest.ingest(events, dry);
        return Envelope.ok(counts(accepted, rejected, "application/csv", drop, dry, timestampField, filename));
    }

    static void checkStream(String stream) {
        if (stream == null || !STREAM.matcher(stream).matches()) {
            throw new ApiError(400, "invalid stream name '" + stream + "': use 1-100 letters, digits, '_', '-' or '.'");
        }
    }

    /** The events of a parsed JSON body: one object, or an array of objects. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> objects(Object json) {
        if (json instanceof Map) {
            return List.of((Map<String, Object>) json);
        }
        if (json instanceof List<?> list) {
            List<Map<String, Object>> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                Object o = list.get(i);
                if (!(o instanceof Map)) {
                    throw new ApiError(400, "element " + i + " of the array is " + JsonInput.typeName(o)
                            + ", expected an object");
                }
                out.add((Map<String, Object>) o);
            }
            return out;
        }
        throw new ApiError(400, "expected a JSON object or an array of objects, got " + JsonInput.typeName(json));
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

    static Map<String, Object> counts(int accepted, int rejected, String type, boolean drop, boolean dry,
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
        return t.equals("application/json") || t.equals("text/json") || t.endsWith("+json");
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

    private static String readCsv(InputStream body) {
        try {
            BufferedInputStream in = new BufferedInputStream(body);
            in.mark(2);
            int b0 = in.read();
            int b1 = in.read();
            in.reset();
            // by magic bytes only: a container that already decoded Content-Encoding leaves plain text
            if (b0 != 0x1f || b1 != 0x8b) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            try (InputStream inflated = new GZIPInputStream(in)) {
                byte[] bytes = inflated.readNBytes(MAX_INFLATED_BYTES + 1);
                if (bytes.length > MAX_INFLATED_BYTES) {
                    throw new ApiError(413, "the gzipped upload inflates to more than " + MAX_INFLATED_BYTES + " bytes");
                }
                return new String(bytes, StandardCharsets.UTF_8);
            }
        } catch (ZipException e) {
            throw new ApiError(400, "malformed gzip body: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
