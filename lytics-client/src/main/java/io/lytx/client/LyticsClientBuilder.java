package io.lytx.client;

import io.lytx.client.internal.ApiCalls;
import io.lytx.client.internal.ApiToken;
import io.lytx.client.internal.Args;
import io.lytx.client.internal.ClientSettings;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * Configures and builds a {@link LyticsClient}. Only {@link #token(String)} is required.
 *
 * <p>Defaults: base URI {@code https://api.lytics.io}, bulk URI {@code https://bulk.lytics.io} when the
 * base URI is Lytics' API host and the base URI otherwise (a sandbox serves both), connect timeout 2 s, read timeout 10 s,
 * response cap 5 MB, 20 pooled connections, 1000 async calls waiting at most. Not thread-safe; build
 * once at start-up. {@link #toString()} never shows the token.
 */
public final class LyticsClientBuilder {

    /** The public Lytics API. */
    public static final URI DEFAULT_BASE_URI = URI.create("https://api.lytics.io");
    /**
     * Lytics' bulk upload host: {@code /collect/bulk} is served there because the API host takes at
     * most 10 MB a request (Lytics' BulkCSVUpload reference).
     */
    public static final URI DEFAULT_BULK_URI = URI.create("https://bulk.lytics.io");
    /** Default cap on the size of one answer: 5 MB. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 5L * 1024 * 1024;

    private URI baseUri = DEFAULT_BASE_URI;
    private URI bulkUri;
    private ApiToken token;
    private String accountId;
    private Duration connectTimeout = Duration.ofSeconds(2);
    private Duration readTimeout = Duration.ofSeconds(10);
    private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
    private int maxConnections = 20;
    private int asyncQueueCapacity = 1000;
    private Clock clock = Clock.systemUTC();

    LyticsClientBuilder() {
    }

    /**
     * @param baseUri absolute http(s) URI of the API, e.g. {@code http://127.0.0.1:8080} for a sandbox;
     *                a path prefix is kept
     * @return this
     * @throws IllegalArgumentException when not absolute http/https, or with a query or fragment
     */
    public LyticsClientBuilder baseUri(URI baseUri) {
        this.baseUri = checkedUri(baseUri, "baseUri");
        return this;
    }

    /**
     * @param bulkUri absolute http(s) URI of the host that takes bulk uploads ({@code /collect/bulk}: CSV
     *                and JSON files); unset: {@link #DEFAULT_BULK_URI} when the base URI is Lytics' API host
     *                ({@code api.lytics.io}), else the base URI; a path prefix is kept
     * @return this
     * @throws IllegalArgumentException when not absolute http/https, or with a query or fragment
     */
    public LyticsClientBuilder bulkUri(URI bulkUri) {
        this.bulkUri = checkedUri(bulkUri, "bulkUri");
        return this;
    }

    private static URI checkedUri(URI uri, String name) {
        Args.notNull(uri, name);
        String scheme = uri.getScheme();
        if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(name + " must be an absolute http(s) URI without query or fragment");
        }
        return uri;
    }

    /** @return the bulk URI as set, or as derived from the base URI */
    URI effectiveBulkUri() {
        if (bulkUri != null) {
            return bulkUri;
        }
        return DEFAULT_BASE_URI.getHost().equalsIgnoreCase(baseUri.getHost()) ? DEFAULT_BULK_URI : baseUri;
    }

    /**
     * @param token the Lytics API token, sent raw in {@code Authorization}; never shown by any
     *              {@code toString}, log line or exception message of this library
     * @return this
     * @throws NullPointerException     when null
     * @throws IllegalArgumentException when blank or holding control characters
     */
    public LyticsClientBuilder token(String token) {
        this.token = new ApiToken(token);
        return this;
    }

    /**
     * @param accountId the account to act on (sent as {@code account_id} on every call) when the
     *                  token reaches several; null to send none
     * @return this
     * @throws IllegalArgumentException when blank
     */
    public LyticsClientBuilder accountId(String accountId) {
        this.accountId = accountId == null ? null : Args.notBlank(accountId, "accountId");
        return this;
    }

    /**
     * @param connectTimeout longest wait for a TCP connection (and for a free pooled connection); positive
     * @return this
     */
    public LyticsClientBuilder connectTimeout(Duration connectTimeout) {
        this.connectTimeout = Args.positive(connectTimeout, "connectTimeout");
        return this;
    }

    /**
     * @param readTimeout longest silence while waiting for the answer's bytes; positive
     * @return this
     */
    public LyticsClientBuilder readTimeout(Duration readTimeout) {
        this.readTimeout = Args.positive(readTimeout, "readTimeout");
        return this;
    }

    /**
     * @param maxResponseBytes the largest answer accepted; bigger ones fail with
     *                         {@code LyticsResponseException} without being read whole; positive
     * @return this
     */
    public LyticsClientBuilder maxResponseBytes(long maxResponseBytes) {
        if (maxResponseBytes <= 0) {
            throw new IllegalArgumentException("maxResponseBytes must be positive, was " + maxResponseBytes);
        }
        this.maxResponseBytes = maxResponseBytes;
        return this;
    }

    /**
     * @param maxConnections size of the connection pool, also the number of async worker threads; 1 to 1000
     * @return this
     */
    public LyticsClientBuilder maxConnections(int maxConnections) {
        this.maxConnections = Args.inRange(maxConnections, 1, 1000, "maxConnections");
        return this;
    }

    /**
     * @param capacity how many async calls may wait for a worker before new ones fail at once; 1 to 1,000,000
     * @return this
     */
    public LyticsClientBuilder asyncQueueCapacity(int capacity) {
        this.asyncQueueCapacity = Args.inRange(capacity, 1, 1_000_000, "asyncQueueCapacity");
        return this;
    }

    /**
     * @param clock the clock used to turn an HTTP-date {@code Retry-After} into a wait (tests)
     * @return this
     */
    public LyticsClientBuilder clock(Clock clock) {
        this.clock = Args.notNull(clock, "clock");
        return this;
    }

    /**
     * @return a new client owning a new connection pool; close it when done
     * @throws NullPointerException when no token was set
     */
    public LyticsClient build() {
        if (token == null) {
            throw new NullPointerException("token must not be null");
        }
        return new LyticsClient(new ApiCalls(new ClientSettings(baseUri, effectiveBulkUri(), token, accountId,
                connectTimeout, readTimeout, maxResponseBytes, maxConnections, asyncQueueCapacity, clock)));
    }

    /** @return the settings, with the token shown as {@code ***} */
    @Override
    public String toString() {
        return "LyticsClientBuilder[baseUri=" + baseUri + ", bulkUri=" + effectiveBulkUri() + ", token=" + (token == null ? "unset" : "***")
                + ", accountId=" + accountId + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", maxResponseBytes=" + maxResponseBytes + ", maxConnections=" + maxConnections + "]";
    }
}
