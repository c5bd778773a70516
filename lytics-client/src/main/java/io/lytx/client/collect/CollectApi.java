package io.lytx.client.collect;

import io.lytx.client.LyticsClient;
import io.lytx.client.error.LyticsConnectionException;
import io.lytx.client.internal.ApiCalls;
import io.lytx.client.internal.ApiRequest;
import io.lytx.client.internal.Args;
import io.lytx.client.internal.ClientAccess;
import io.lytx.client.internal.Envelope;
import io.lytx.client.internal.Tolerant;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Data collection API. JSON events go to {@code POST /collect/json/{stream}} on the API host (at most
 * 10 MB a request there); CSV and JSON files are streamed to {@code POST /collect/bulk/{stream}} on the
 * bulk host (the builder's {@code bulkUri}: {@code bulk.lytics.io} for Lytics' own API; chunked, never
 * held whole in memory). Blocking; waits up to the client's timeouts. Thread-safe.
 */
public final class CollectApi {

    private static final byte[] NEWLINE = {'\n'};

    private final ApiCalls calls;

    /**
     * Made by {@link LyticsClient} only: take this family from {@link LyticsClient#collect()}.
     *
     * @param internals what the client hands its API families; not null
     */
    public CollectApi(LyticsClient.Internals internals) {
        this.calls = ClientAccess.calls(internals);
    }

    /**
     * Sends one event or a list of events, serialized with JSON-B (maps, records and beans work).
     *
     * @param stream      the stream name, following {@link StreamName} (else IllegalArgumentException)
     * @param eventOrList one event object, or a {@code List}/array of them; not null
     * @param options     query options; not null
     * @return Lytics' counts
     * @throws IllegalArgumentException when the value does not serialize to a JSON object or array
     */
    public CollectResult json(String stream, Object eventOrList, CollectOptions options) {
        Args.notNull(eventOrList, "eventOrList");
        return jsonBody(stream, calls.toJson(eventOrList), options);
    }

    /**
     * Sends an already serialized JSON object or array. Blocking; the bytes go straight to the client's
     * Apache HttpClient (no Jersey pipeline), with the same token, timeouts, limits and errors as every call.
     *
     * @param stream   the stream name, following {@link StreamName} (else IllegalArgumentException)
     * @param utf8Json UTF-8 JSON whose first non-blank character is <code>&#123;</code> or {@code [}; not null
     * @param options  query options; not null
     * @return Lytics' counts
     * @throws IllegalArgumentException when the bytes do not start an object or array
     */
    public CollectResult jsonBody(String stream, byte[] utf8Json, CollectOptions options) {
        Args.notNull(utf8Json, "utf8Json");
        Args.notNull(options, "options");
        int i = 0;
        while (i < utf8Json.length && (utf8Json[i] == ' ' || utf8Json[i] == '\n' || utf8Json[i] == '\r' || utf8Json[i] == '\t')) {
            i++;
        }
        if (i == utf8Json.length || utf8Json[i] != '{' && utf8Json[i] != '[') {
            throw new IllegalArgumentException("utf8Json must be a JSON object or array");
        }
        ApiRequest r = options.applyTo(ApiRequest.post().path("/collect/json").segment(StreamName.require(stream, "stream"), "stream"))
                .body("application/json", utf8Json);
        return toResult(calls.upload(r), options.isDryRun());
    }

    /**
     * Streams a JSON file to the bulk endpoint: newline-delimited objects, or one array of objects.
     * Lytics refuses objects nested inside arrays ({@code {"orders":[{"id":1}]}}; {@code {"order_ids":[1,2]}}
     * is fine).
     *
     * @param stream  the stream name, following {@link StreamName} (else IllegalArgumentException)
     * @param file    a readable JSON file; not null
     * @param options {@code dryrun}, {@code timestamp_field}, {@code filename}; not null
     * @return Lytics' counts
     * @throws UncheckedIOException when the file cannot be opened
     */
    public CollectResult bulkJson(String stream, Path file, CollectOptions options) {
        return fromFile(file, in -> bulkJson(stream, in, options));
    }

    /**
     * Streams JSON from an input stream to the bulk endpoint (newline-delimited objects, or one array
     * of objects); the stream is read once, in chunks, and not closed (the caller owns it).
     *
     * @param stream  the stream name, following {@link StreamName} (else IllegalArgumentException)
     * @param in      the JSON bytes, UTF-8 (may be gzipped); not null
     * @param options {@code dryrun}, {@code timestamp_field}, {@code filename}; not null
     * @return Lytics' counts
     * @throws LyticsConnectionException when reading {@code in} fails mid-upload
     */
    public CollectResult bulkJson(String stream, InputStream in, CollectOptions options) {
        Args.notNull(in, "in");
        Args.notNull(options, "options");
        ApiRequest r = options.applyTo(ApiRequest.post().path("/collect/bulk").segment(StreamName.require(stream, "stream"), "stream")).onBulkHost()
                .body("application/json", new NonClosingInputStream(in));
        return toResult(calls.send(r), options.isDryRun());
    }

    /**
     * Sends events to the bulk endpoint as newline-delimited JSON, each serialized with JSON-B. Each
     * event is checked before anything is sent: it must be a JSON object with no object nested
     * inside an array, which Lytics' bulk JSON upload refuses.
     *
     * @param stream  the stream name, following {@link StreamName} (else IllegalArgumentException)
     * @param events  the events (maps, records, beans); not null
     * @param options {@code dryrun}, {@code timestamp_field}, {@code filename}; not null
     * @return Lytics' counts
     * @throws IllegalArgumentException naming the first event that is not an object or holds an
     *                                  object inside an array; nothing is sent then
     */
    public CollectResult bulkJson(String stream, List<?> events, CollectOptions options) {
        Args.notNull(events, "events");
        List<InputStream> lines = new ArrayList<>(events.size() * 2);
        for (int i = 0; i < events.size(); i++) {
            byte[] json = calls.toJson(Args.notNull(events.get(i), "events[" + i + "]"));
            BulkJsonCheck.requireFlatObject(json, i);
            lines.add(new ByteArrayInputStream(json));
            lines.add(new ByteArrayInputStream(NEWLINE));
        }
        return bulkJson(stream, new SequenceInputStream(Collections.enumeration(lines)), options);
    }

    /**
     * Streams a CSV file to the bulk endpoint.
     *
     * @param stream  the stream name, following {@link StreamName} (else IllegalArgumentException)
     * @param file    a readable CSV file; not null
     * @param options upload options; not null
     * @return Lytics' counts
     * @throws UncheckedIOException when the file cannot be opened
     */
    public CollectResult csv(String stream, Path file, CsvOptions options) {
        return fromFile(file, in -> csv(stream, in, options));
    }

    /** Opens a file, hands its stream to an upload, closes it. */
    private static CollectResult fromFile(Path file, Function<InputStream, CollectResult> upload) {
        Args.notNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return upload.apply(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.getFileName(), e);
        }
    }

    /**
     * Streams CSV from an input stream to the bulk endpoint; the stream is read once, in chunks, and
     * not closed (the caller owns it).
     *
     * @param stream  the stream name, following {@link StreamName} (else IllegalArgumentException)
     * @param in      the CSV bytes; not null
     * @param options upload options; not null
     * @return Lytics' counts
     * @throws LyticsConnectionException when reading {@code in} fails mid-upload
     */
    public CollectResult csv(String stream, InputStream in, CsvOptions options) {
        Args.notNull(in, "in");
        Args.notNull(options, "options");
        ApiRequest r = options.applyTo(ApiRequest.post().path("/collect/bulk").segment(StreamName.require(stream, "stream"), "stream")).onBulkHost()
                .body("application/csv", new NonClosingInputStream(in));
        Envelope env = calls.send(r);
        return toResult(env, false);
    }

    private static CollectResult toResult(Envelope env, boolean dryRunAsked) {
        Map<String, Object> data = env.dataList().isEmpty() ? Map.of() : env.dataMap();
        return new CollectResult(Tolerant.longValue(data.get("message_count")).orElse(0),
                Tolerant.longValue(data.get("rejected_count")).orElse(0),
                Tolerant.bool(data.get("dryrun")).orElse(dryRunAsked));
    }

    /** Keeps the caller's stream open when Jersey closes the request entity. */
    private static final class NonClosingInputStream extends java.io.FilterInputStream {
        NonClosingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the caller owns the stream
        }
    }
}
