package io.lytx.client.internal;

import io.lytx.client.error.LyticsClientClosedException;
import io.lytx.client.error.LyticsConnectionException;
import io.lytx.client.error.LyticsException;
import io.lytx.client.error.LyticsResponseException;
import io.lytx.client.error.LyticsTimeoutException;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.glassfish.jersey.apache5.connector.Apache5ClientProperties;
import org.glassfish.jersey.apache5.connector.Apache5ConnectorProvider;
import org.glassfish.jersey.client.ClientConfig;
import org.glassfish.jersey.client.ClientProperties;
import org.glassfish.jersey.client.JerseyClientBuilder;
import org.glassfish.jersey.jsonb.JsonBindingFeature;

/**
 * Sends {@link ApiRequest}s to Lytics over one Jersey client with the Apache 5 connector and a pool
 * of persistent connections (always Jersey, built with Jersey's own builder and its JSON-B provider
 * registered explicitly, whichever JAX-RS implementation the server running us exposes), and turns answers into {@link Envelope}s or typed exceptions.
 * {@linkplain #upload Uploads} of bodies already in memory (collection batches) skip Jersey's
 * per-request pipeline and go straight to an Apache HttpClient on the same pool, with the same
 * timeouts, token, limits and error mapping: a busy site sends a few batches a second, a rate at
 * which Jersey's code never gets hot, and its pipeline was half the CPU of each batch POST.
 *
 * <p>Guarantees: the token goes raw in {@code Authorization} and nowhere else (no logging of
 * headers, redacted from server messages); no automatic retries (a 429 or a dropped connection is
 * reported, not replayed); an answer larger than {@code maxResponseBytes} is refused after reading
 * at most that many bytes (at once when {@code Content-Length} says so) and its connection is
 * discarded rather than drained; an async call ends at its deadline, closing its connection.
 * Thread-safe; one instance per {@code LyticsClient}.
 */
public final class Transport implements AutoCloseable {

    /**
     * Settings of a transport, validated by the client builder.
     *
     * @param baseUri            the API host, e.g. {@code https://api.lytics.io}
     * @param bulkUri            the host of bulk uploads ({@link ApiRequest#onBulkHost()}), e.g.
     *                           {@code https://bulk.lytics.io}
     * @param token              the API token
     * @param accountId          sent as {@code account_id} on every call, or null
     * @param connectTimeout     the connect timeout
     * @param readTimeout        the read timeout
     * @param maxResponseBytes   the largest answer read
     * @param maxConnections     the pool size and async workers
     * @param asyncQueueCapacity async calls that may wait
     * @param clock              the clock of {@code Retry-After} dates
     */
    public record Settings(URI baseUri, URI bulkUri, ApiToken token, String accountId, Duration connectTimeout,
                           Duration readTimeout, long maxResponseBytes, int maxConnections, int asyncQueueCapacity,
                           Clock clock) {
    }

    /** The longest {@link #close()} waits for each thread pool to end once its connections are shut. */
    private static final Duration THREAD_END_WAIT = Duration.ofSeconds(2);

    private final Settings settings;
    private final String base;
    private final String bulkBase;
    private final Client client;
    private final PoolingHttpClientConnectionManager pool;
    /** Same pool, no retries, redirects, cookies or decompression: {@link #upload}'s engine. */
    private final CloseableHttpClient uploads;
    private final ThreadPoolExecutor asyncExecutor;
    private final ScheduledThreadPoolExecutor timer;
    private final OwnedThreads asyncThreads = new OwnedThreads("lytics-client-async-");
    private final OwnedThreads timerThreads = new OwnedThreads("lytics-client-deadline-");
    private final Jsonb jsonb;
    /** Made once: {@code Json.createReader} looks the JSON-P provider up with a ServiceLoader on every call. */
    private final JsonReaderFactory readers = Jsonp.PROVIDER.createReaderFactory(Map.of());
    private final List<Map.Entry<String, String>> extraQuery;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** @param settings validated settings */
    public Transport(Settings settings) {
        this.settings = settings;
        this.base = withoutSlash(settings.baseUri());
        this.bulkBase = withoutSlash(settings.bulkUri());
        this.extraQuery = settings.accountId() == null ? List.of() : List.of(Map.entry("account_id", settings.accountId()));
        Timeout connect = Timeout.of(settings.connectTimeout());
        Timeout read = Timeout.of(settings.readTimeout());
        this.pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(settings.maxConnections())
                .setMaxConnPerRoute(settings.maxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(connect).setSocketTimeout(read).build())
                .build();
        RequestConfig requestConfig = RequestConfig.custom()
                .setConnectionRequestTimeout(connect)
                .setResponseTimeout(read)
                .setRedirectsEnabled(false)
                .build();
        ClientConfig config = new ClientConfig()
                .connectorProvider(new Apache5ConnectorProvider())
                .property(Apache5ClientProperties.CONNECTION_MANAGER, pool)
                .property(Apache5ClientProperties.CONNECTION_MANAGER_SHARED, false)
                .property(Apache5ClientProperties.REQUEST_CONFIG, requestConfig)
                .property(Apache5ClientProperties.RETRY_STRATEGY,
                        new DefaultHttpRequestRetryStrategy(0, TimeValue.ZERO_MILLISECONDS))
                .property(Apache5ClientProperties.CONNECTION_CLOSING_STRATEGY, new AbortUnlessConsumedStrategy())
                .property(Apache5ClientProperties.DISABLE_COOKIES, true)
                .property(ClientProperties.CONNECT_TIMEOUT, (int) settings.connectTimeout().toMillis())
                .property(ClientProperties.READ_TIMEOUT, (int) settings.readTimeout().toMillis())
                .property(ClientProperties.FOLLOW_REDIRECTS, false)
                .register(JsonBindingFeature.class);
        // Jersey's own builder, not ClientBuilder.newClient: that one asks the JAX-RS API for "the"
        // implementation, and a server that puts its own API and implementation ahead of the
        // application's (WildFly: RESTEasy) would build a client that ignores this configuration
        this.client = JerseyClientBuilder.createClient(config);
        this.uploads = HttpClients.custom()
                .setConnectionManager(pool)
                .setConnectionManagerShared(true) // the Jersey client owns and closes the pool
                .setDefaultRequestConfig(requestConfig)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableContentCompression()
                .disableAuthCaching()
                .disableConnectionState() // pooled connections stay interchangeable with Jersey's
                .build();
        int threads = settings.maxConnections();
        this.asyncExecutor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(settings.asyncQueueCapacity()), asyncThreads);
        this.asyncExecutor.allowCoreThreadTimeOut(true);
        this.timer = new ScheduledThreadPoolExecutor(1, timerThreads);
        this.timer.setRemoveOnCancelPolicy(true);
        this.jsonb = JsonbBuilder.create();
    }

    private static String withoutSlash(URI uri) {
        String b = uri.toString();
        return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    private String baseOf(ApiRequest request) {
        return request.bulkHost() ? bulkBase : base;
    }

    /**
     * Sends a request and waits for its answer (bounded by the connect and read timeouts).
     *
     * @param request the request
     * @return the parsed envelope of a 2xx answer
     * @throws LyticsException (a subclass) for any error answer or failure;
     *     {@link LyticsClientClosedException} when the client is closed before or during the call
     */
    public Envelope send(ApiRequest request) {
        return execute(request, null, CallState.unbounded());
    }

    /**
     * Sends a request on the client's async threads; the stage fails with
     * {@link LyticsTimeoutException} when the timeout passes, at which point the HTTP call is cut
     * (its connect and read timeouts are the same timeout, and a body under way is aborted).
     *
     * @param request the request
     * @param timeout the overall deadline, positive
     * @param mapper  turns the envelope into the result (runs on the async thread)
     * @param <T>     the result type
     * @return a stage completed with the result or a {@link LyticsException}
     */
    public <T> CompletionStage<T> sendAsync(ApiRequest request, Duration timeout, Function<Envelope, T> mapper) {
        Args.positive(timeout, "timeout");
        CompletableFuture<T> result = new CompletableFuture<>();
        if (closed.get()) {
            result.completeExceptionally(closedException(request.operation(), null));
            return result;
        }
        CallState state = CallState.until(System.nanoTime() + timeout.toNanos());
        try {
            ScheduledFuture<?> deadline = timer.schedule(() -> {
                if (result.completeExceptionally(new LyticsTimeoutException(
                        request.operation() + " did not finish within " + timeout.toMillis() + " ms", null))) {
                    state.abort();
                }
            }, timeout.toNanos(), TimeUnit.NANOSECONDS);
            result.whenComplete((v, t) -> {
                deadline.cancel(false);
                if (result.isCancelled()) {
                    state.abort();
                }
            });
            asyncExecutor.execute(new AsyncCall(request.operation(), result, () -> {
                state.check(request.operation());
                result.complete(mapper.apply(execute(request, timeout, state)));
            }));
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(closed.get() ? closedException(request.operation(), e)
                    : new LyticsConnectionException(request.operation() + ": too many async calls waiting", e));
        }
        return result;
    }

    /** An async call waiting for (or running on) a worker; {@link #close()} fails the ones never started. */
    private record AsyncCall(String operation, CompletableFuture<?> result, Runnable body) implements Runnable {
        @Override
        public void run() {
            try {
                body.run();
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }
    }

    private static LyticsClientClosedException closedException(String operation, Throwable cause) {
        return new LyticsClientClosedException(operation, cause);
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
            throw closedException("serialize a request body", null);
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            jsonb.toJson(value, out);
            return out.toByteArray();
        } catch (JsonbException e) {
            throw new IllegalArgumentException("value cannot be serialized to JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Sends a request whose body is already in memory and waits for its answer, like {@link #send},
     * but straight through Apache HttpClient rather than Jersey: same pool, timeouts, token,
     * response limit and error mapping, no retry and no redirect. Blocking (connect and read
     * timeouts); thread-safe.
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
        return guarded(request.operation(), () -> uploadOpen(request, body));
    }

    private Envelope uploadOpen(ApiRequest request, ApiRequest.Body body) {
        String op = request.operation();
        HttpUriRequestBase http = new HttpUriRequestBase(request.method(), URI.create(baseOf(request) + request.pathAndQuery(extraQuery)));
        http.setHeader(HttpHeaders.AUTHORIZATION, settings.token().reveal());
        http.setHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON);
        http.setEntity(new ByteArrayEntity(body.bytes(), ContentType.parse(body.mediaType())));
        CallState state = CallState.unbounded();
        try (ClassicHttpResponse response = uploads.executeOpen(null, http, null)) {
            try {
                return read(op, new ApacheAnswer(response), state);
            } finally {
                if (!state.fullyRead()) {
                    http.abort(); // closing would drain the rest of the body: discard the connection instead
                }
            }
        } catch (IOException e) {
            throw transportFailure(op, e, state);
        }
    }

    private Envelope execute(ApiRequest request, Duration timeout, CallState state) {
        return guarded(request.operation(), () -> executeOpen(request, timeout, state));
    }

    private Envelope guarded(String op, Supplier<Envelope> call) {
        if (closed.get()) {
            throw closedException(op, null);
        }
        try {
            return call.get();
        } catch (RuntimeException e) {
            // close() racing with this call makes Jersey, HK2 or the pool throw their own exceptions
            // (IllegalStateException, MultiException, a LyticsConnectionException for the socket it shut)
            if (closed.get() && !(e instanceof LyticsClientClosedException)) {
                throw closedException(op, e);
            }
            throw e;
        }
    }

    private Envelope executeOpen(ApiRequest request, Duration timeout, CallState state) {
        String op = request.operation();
        Invocation.Builder builder = client.target(baseOf(request) + request.pathAndQuery(extraQuery))
                .request(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.AUTHORIZATION, settings.token().reveal())
                .property(CallState.PROPERTY, state);
        if (timeout != null) {
            int ms = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            builder.property(ClientProperties.READ_TIMEOUT, ms).property(ClientProperties.CONNECT_TIMEOUT, ms);
        }
        ApiRequest.Body body = request.bodyOrNull();
        Response response;
        try {
            if (body == null) {
                response = builder.method(request.method());
            } else {
                MediaType type = MediaType.valueOf(body.mediaType());
                Entity<?> entity = body.bytes() != null ? Entity.entity(body.bytes(), type) : Entity.entity(body.stream(), type);
                response = builder.method(request.method(), entity);
            }
        } catch (ProcessingException e) {
            throw transportFailure(op, e, state);
        }
        state.attach(response);
        try {
            return read(op, new JerseyAnswer(response), state);
        } finally {
            response.close();
        }
    }

    /** What {@link #read} needs of an HTTP answer, whichever client received it. */
    private interface Answer {
        int status();

        /** @return the header's value, null when absent */
        String header(String name);

        /** @return the body's stream, null when there is none */
        InputStream body() throws IOException;
    }

    private record JerseyAnswer(Response response) implements Answer {
        @Override
        public int status() {
            return response.getStatus();
        }

        @Override
        public String header(String name) {
            return response.getHeaderString(name);
        }

        @Override
        public InputStream body() {
            return response.readEntity(InputStream.class);
        }
    }

    /**
     * An answer received straight from Apache HttpClient. Its body stream is left open when read:
     * closing Apache's stream early would drain the rest, so {@link #uploadOpen} aborts the request
     * instead when the body was not read to its end (at its end, the connection is already back in
     * the pool).
     */
    private record ApacheAnswer(ClassicHttpResponse response) implements Answer {
        @Override
        public int status() {
            return response.getCode();
        }

        @Override
        public String header(String name) {
            Header h = response.getFirstHeader(name);
            return h == null ? null : h.getValue();
        }

        @Override
        public InputStream body() throws IOException {
            HttpEntity entity = response.getEntity();
            if (entity == null) {
                return null;
            }
            return new FilterInputStream(entity.getContent()) {
                @Override
                public void close() {
                    // closed with the response, after uploadOpen decided between reuse and abort
                }
            };
        }
    }

    private Envelope read(String op, Answer response, CallState state) {
        int status = response.status();
        long max = settings.maxResponseBytes();
        boolean success = status >= 200 && status < 300;
        long declared = declaredLength(response.header(HttpHeaders.CONTENT_LENGTH));
        byte[] bytes;
        try {
            if (declared > max) {
                throw new LyticsResponseException(op + ": answer of " + declared + " bytes is over the limit of " + max
                        + " bytes; not read");
            }
            bytes = readBounded(op, response, state, max);
        } catch (LyticsResponseException tooLarge) {
            if (success) {
                throw tooLarge;
            }
            bytes = new byte[0]; // an oversized error body: report the status, without its message
        }
        if (!success) {
            throw ErrorMapper.toException(op, status, bytes, response.header("Retry-After"),
                    settings.token(), settings.clock());
        }
        return parse(op, status, bytes);
    }

    private static long declaredLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private byte[] readBounded(String op, Answer response, CallState state, long max) {
        if (response.status() == 204) {
            state.markFullyRead();
            return new byte[0];
        }
        try (InputStream in = response.body()) {
            if (in == null) {
                state.markFullyRead();
                return new byte[0];
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
            byte[] buf = new byte[8192];
            long total = 0;
            int n;
            while (true) {
                state.check(op);
                n = in.read(buf);
                if (n < 0) {
                    break;
                }
                total += n;
                if (total > max) {
                    throw new LyticsResponseException(op + ": answer is over the limit of " + max
                            + " bytes; reading stopped");
                }
                out.write(buf, 0, n);
            }
            state.markFullyRead();
            return out.toByteArray();
        } catch (IOException | ProcessingException e) {
            throw transportFailure(op, e, state);
        }
    }

    private Envelope parse(String op, int status, byte[] bytes) {
        if (bytes.length == 0) {
            return new Envelope(op, status, JsonValue.NULL, "", "", null, "", OptionalLong.empty());
        }
        JsonValue root;
        try (JsonReader reader = readers.createReader(new ByteArrayInputStream(bytes))) {
            root = reader.readValue();
        } catch (JsonException | IllegalStateException e) {
            throw new LyticsResponseException(op + ": answer (HTTP " + status + ", " + bytes.length
                    + " bytes) is not JSON", e);
        }
        if (!(root instanceof JsonObject o) || !o.containsKey("data") && !o.containsKey("status")) {
            return new Envelope(op, status, root, "", "", null, "", OptionalLong.empty());
        }
        JsonValue data = o.getOrDefault("data", JsonValue.NULL);
        return new Envelope(op, status, data == null ? JsonValue.NULL : data, text(o.get("message")),
                text(o.get("status")), o.get("meta") instanceof JsonObject m ? m : null, text(o.get("_next")),
                o.get("total") instanceof JsonNumber t ? OptionalLong.of(t.longValue())
                        : Tolerant.longValue(text(o.get("total"))));
    }

    private static String text(JsonValue v) {
        if (v instanceof JsonString s) {
            return s.getString();
        }
        if (v instanceof JsonNumber n) {
            return n.toString();
        }
        return "";
    }

    private static LyticsException transportFailure(String op, Exception e, CallState state) {
        Throwable cause = e;
        while (cause.getCause() != null && cause != cause.getCause()
                && !(cause instanceof IOException) && !(cause instanceof LyticsException)) {
            cause = cause.getCause();
        }
        if (cause instanceof LyticsException le) {
            return le;
        }
        if (state.aborted()) {
            return new LyticsTimeoutException(op + " passed its deadline", e);
        }
        if (cause instanceof InterruptedIOException) {
            return new LyticsTimeoutException(op + " timed out: " + cause.getClass().getSimpleName(), e);
        }
        return new LyticsConnectionException(op + " failed: " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")"), e);
    }

    /**
     * Closes the HTTP client, its connection pool and the async threads. Idempotent and thread-safe.
     * Calls made afterwards, and calls still under way, fail with {@link LyticsClientClosedException}.
     * Blocks until the worker threads have ended, at most about 2 s per thread pool (connections are
     * shut first, so workers end at once in practice); an interrupt ends the wait early.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (Runnable never : asyncExecutor.shutdownNow()) {
            if (never instanceof AsyncCall call) {
                call.result().completeExceptionally(closedException(call.operation(), null));
            }
        }
        timer.shutdownNow();
        uploads.close(CloseMode.IMMEDIATE);
        client.close();
        pool.close();
        try {
            jsonb.close();
        } catch (Exception ignored) {
            // nothing to release in practice
        }
        awaitThreadsEnd();
    }

    /**
     * Waits (at most {@link #THREAD_END_WAIT} per pool) until the interrupted workers have ended, so
     * that a servlet container undeploying the application finds no thread of ours left: the threads
     * themselves are joined, since an executor counts as terminated a moment before its last worker
     * thread has finished.
     */
    private void awaitThreadsEnd() {
        asyncThreads.join(THREAD_END_WAIT);
        timerThreads.join(THREAD_END_WAIT);
    }

    /** @return a description without secrets */
    @Override
    public String toString() {
        return "Transport[" + base + (bulkBase.equals(base) ? "" : ", bulk=" + bulkBase) + ", token=***]";
    }
}
