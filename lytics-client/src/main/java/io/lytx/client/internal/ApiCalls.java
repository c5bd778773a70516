package io.lytx.client.internal;

import io.lytx.client.error.LyticsClientClosedException;
import io.lytx.client.error.LyticsException;
import io.lytx.client.error.LyticsTimeoutException;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the API families of one client send their requests through: blocking calls and async calls
 * over {@link JerseyExchange}, in-memory uploads over {@link UploadExchange}, async calls run by the
 * {@link AsyncRunner}, every answer read by the {@link SizeCappedReader}. It owns those parts, their
 * shared connection pool and JSON-B, and closes them together.
 *
 * <p>Guarantees: the token goes raw in {@code Authorization} and nowhere else (no logging of
 * headers, redacted from server messages); no automatic retries (a 429 or a dropped connection is
 * reported, not replayed); once {@link #close()} has begun, every call, running or new, fails with
 * {@link LyticsClientClosedException}, never with an exception of Jersey, HK2 or the pool.
 * Thread-safe; one instance per {@code LyticsClient}.
 */
public final class ApiCalls implements AutoCloseable {

    /** The longest {@link #close()} waits for each group of threads to end once its connections are shut. */
    private static final Duration THREAD_END_WAIT = Duration.ofSeconds(2);

    private final RequestUris uris;
    private final PooledConnections pool;
    private final JerseyExchange jersey;
    private final UploadExchange uploads;
    private final AsyncRunner async;
    private final Jsonb jsonb;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** @param settings validated settings */
    public ApiCalls(ClientSettings settings) {
        this.uris = new RequestUris(settings);
        this.pool = new PooledConnections(settings);
        SizeCappedReader reader = new SizeCappedReader(settings.maxResponseBytes(), settings.token(), settings.clock());
        this.jersey = new JerseyExchange(settings, pool, uris, reader);
        this.uploads = new UploadExchange(settings, pool, uris, reader);
        this.async = new AsyncRunner(settings.maxConnections(), settings.asyncQueueCapacity());
        this.jsonb = JsonbBuilder.create();
    }

    /**
     * Sends a request and waits for its answer, at most the connect timeout for a connection, then
     * at most the read timeout between two bytes.
     *
     * @param request the request
     * @return the parsed envelope of a 2xx answer
     * @throws LyticsException (a subclass) for any error answer or failure;
     *     {@link LyticsClientClosedException} when the client is closed before or during the call
     */
    public Envelope send(ApiRequest request) {
        return guarded(request.operation(), () -> jersey.exchange(request, null, CallState.unbounded()));
    }

    /**
     * Sends a request on the client's async workers; the stage fails with
     * {@link LyticsTimeoutException} when the timeout passes, at which point the HTTP call is cut
     * (its connect and read timeouts are the same timeout, and a body under way is aborted). Never
     * blocks the caller.
     *
     * @param request the request
     * @param timeout the overall deadline, positive
     * @param mapper  turns the envelope into the result (runs on the async worker)
     * @param <T>     the result type
     * @return a stage completed with the result or a {@link LyticsException}
     */
    public <T> CompletionStage<T> sendAsync(ApiRequest request, Duration timeout, Function<Envelope, T> mapper) {
        Args.positive(timeout, "timeout");
        String op = request.operation();
        if (closed.get()) {
            return CompletableFuture.failedFuture(new LyticsClientClosedException(op, null));
        }
        return async.run(op, timeout, state -> mapper.apply(guarded(op, () -> jersey.exchange(request, timeout, state))));
    }

    /**
     * Sends a request whose body is already in memory and waits for its answer, like {@link #send},
     * but straight through Apache HttpClient rather than Jersey ({@link UploadExchange}). Blocking
     * (connect and read timeouts).
     *
     * @param request a request with a byte-array body
     * @return the parsed envelope of a 2xx answer
     * @throws IllegalArgumentException when the request has no byte-array body
     * @throws LyticsException (a subclass) for any error answer or failure;
     *     {@link LyticsClientClosedException} when the client is closed before or during the call
     */
    public Envelope upload(ApiRequest request) {
        ApiRequest.Body body = request.bodyOrNull();
        if (body == null || body.bytes() == null) {
            throw new IllegalArgumentException(request.operation() + ": an upload needs a body of bytes");
        }
        return guarded(request.operation(), () -> uploads.exchange(request, body));
    }

    /**
     * Serializes a value with JSON-B.
     *
     * @param value any JSON-B-serializable value (maps, lists, records, beans)
     * @return UTF-8 JSON
     * @throws IllegalArgumentException when JSON-B cannot serialize it
     * @throws LyticsClientClosedException when the client is closed
     */
    public byte[] toJson(Object value) {
        if (closed.get()) {
            throw new LyticsClientClosedException("serialize a request body", null);
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            jsonb.toJson(value, out);
            return out.toByteArray();
        } catch (JsonbException e) {
            throw new IllegalArgumentException("value cannot be serialized to JSON: " + e.getMessage(), e);
        }
    }

    private Envelope guarded(String op, Supplier<Envelope> call) {
        if (closed.get()) {
            throw new LyticsClientClosedException(op, null);
        }
        try {
            return call.get();
        } catch (RuntimeException e) {
            // close() racing with this call makes Jersey, HK2 or the pool throw their own exceptions
            // (IllegalStateException, MultiException, a LyticsConnectionException for the socket it shut)
            if (closed.get() && !(e instanceof LyticsClientClosedException)) {
                throw new LyticsClientClosedException(op, e);
            }
            throw e;
        }
    }

    /**
     * Closes the exchanges, their connection pool and the async workers. Idempotent and thread-safe.
     * Calls made afterwards, and calls still under way or waiting for a worker, fail with
     * {@link LyticsClientClosedException}. Blocks until the client's threads have ended, at most
     * about 2 s per group of threads (connections are shut first, so workers end at once in
     * practice); an interrupt ends the wait early.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        async.shutdown();
        uploads.close();
        jersey.close();
        pool.close();
        try {
            jsonb.close();
        } catch (Exception ignored) {
            // nothing to release in practice
        }
        async.awaitThreadsEnd(THREAD_END_WAIT);
    }

    /** @return a description without secrets */
    @Override
    public String toString() {
        return "ApiCalls[" + uris + ", token=***]";
    }
}
