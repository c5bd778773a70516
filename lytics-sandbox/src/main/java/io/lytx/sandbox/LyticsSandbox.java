package io.lytx.sandbox;

import io.lytx.sandbox.admin.FaultFilter;
import io.lytx.sandbox.admin.FaultTable;
import io.lytx.sandbox.admin.RequestStats;
import io.lytx.sandbox.admin.SandboxResource;
import io.lytx.sandbox.admin.StatsFilter;
import io.lytx.sandbox.auth.AuthenticationFilter;
import io.lytx.sandbox.auth.Cidr;
import io.lytx.sandbox.auth.ClientAddressResolver;
import io.lytx.sandbox.auth.IpAllowlist;
import io.lytx.sandbox.auth.PermissionFilter;
import io.lytx.sandbox.auth.TokenResource;
import io.lytx.sandbox.auth.TokenStore;
import io.lytx.sandbox.auth.TokenV2Resource;
import io.lytx.sandbox.domain.DomainModule;
import io.lytx.sandbox.http.BodyLimitFilter;
import io.lytx.sandbox.http.EnvelopeErrorPage;
import io.lytx.sandbox.http.ErrorMapper;
import io.lytx.sandbox.http.JsonbResolver;
import io.lytx.sandbox.http.PlainJsonWriter;
import io.lytx.sandbox.http.Route;
import io.lytx.sandbox.http.RouteCatalog;
import io.lytx.sandbox.http.UpgradeIgnoringAddOn;
import io.lytx.sandbox.manage.AccountInfo;
import io.lytx.sandbox.manage.AccountResource;
import io.lytx.sandbox.manage.SettingsResource;
import io.lytx.sandbox.manage.SettingsStore;
import io.lytx.sandbox.manage.UserResource;
import io.lytx.sandbox.store.FileJournal;
import io.lytx.sandbox.store.MemoryJournal;
import io.lytx.sandbox.store.RecoverableJournal;
import io.lytx.sandbox.store.ReplayReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.jsonb.JsonBindingFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * A running Lytics sandbox: a Jersey server on Grizzly speaking the Lytics REST API with real
 * state.
 *
 * <pre>{@code
 * try (LyticsSandbox sandbox = LyticsSandbox.start(SandboxOptions.defaults())) {
 *     URI api = sandbox.baseUri();          // http://127.0.0.1:<free port>/
 *     String token = sandbox.adminToken();  // every role
 * }
 * }</pre>
 *
 * <p>{@link #start} blocks until the server accepts connections (after replaying the journal
 * when a data directory is given). {@link #close} stops it, releasing hanging requests, and
 * closes the journal; it is idempotent. Thread-safe.
 */
public final class LyticsSandbox implements AutoCloseable {

    /**
     * Jersey logs a "does not implement any provider interfaces" warning for every resource
     * registered as an instance, although such resources work; this logger is kept (strongly
     * referenced, so the level sticks) at SEVERE to keep start-up output readable.
     */
    private static final Logger JERSEY_PROVIDER_CHECK = Logger.getLogger("org.glassfish.jersey.internal.inject.Providers");

    /**
     * Grizzly logs two INFO lines at every start and stop of a listener; the sandbox reports its
     * own address, so these loggers are kept (strongly referenced) at WARNING: tests that start
     * dozens of sandboxes stay readable, real problems still show.
     */
    private static final List<Logger> GRIZZLY_LIFECYCLE = List.of(
            Logger.getLogger("org.glassfish.grizzly.http.server.NetworkListener"),
            Logger.getLogger("org.glassfish.grizzly.http.server.HttpServer"));

    static {
        JERSEY_PROVIDER_CHECK.setLevel(Level.SEVERE);
        GRIZZLY_LIFECYCLE.forEach(logger -> logger.setLevel(Level.WARNING));
    }

    /** The longest {@link #close()} waits for the server's threads to end once it is shut. */
    private static final Duration THREADS_END_WAIT = Duration.ofSeconds(5);

    private static final int MIN_WORKERS = 8;
    private static final int MAX_WORKERS = 64;
    private static final int SELECTOR_THREADS = 2;

    private final HttpServer server;
    private final List<ServerThreads> threads;
    private final URI baseUri;
    private final String adminToken;
    private final String accountId;
    private final RecoverableJournal journal;
    private final ReplayReport replayReport;
    private final SandboxState state;
    private final JsonbResolver jsonb;
    private final List<Route> routes;
    private boolean closed;

    private LyticsSandbox(HttpServer server, List<ServerThreads> threads, URI baseUri, String adminToken, String accountId,
                          RecoverableJournal journal, ReplayReport replayReport, SandboxState state,
                          JsonbResolver jsonb, List<Route> routes) {
        this.jsonb = jsonb;
        this.routes = routes;
        this.server = server;
        this.threads = threads;
        this.baseUri = baseUri;
        this.adminToken = adminToken;
        this.accountId = accountId;
        this.journal = journal;
        this.replayReport = replayReport;
        this.state = state;
    }

    /**
     * Starts a sandbox.
     *
     * @param options how to start; not null
     * @return the running sandbox
     * @throws UncheckedIOException  when the port cannot be bound or the data directory not opened
     * @throws IllegalStateException when another sandbox holds the data directory
     */
    public static LyticsSandbox start(SandboxOptions options) {
        Objects.requireNonNull(options, "options");
        // on a thread that ends: Grizzly and Jersey leave per-thread caches on the thread that starts a server
        return LifecycleThread.call("lytics-sandbox-start", () -> startHere(options));
    }

    private static LyticsSandbox startHere(SandboxOptions options) {
        String adminToken = options.adminToken().orElseGet(() -> "sbx_" + TokenStore.randomHex(20));
        RecoverableJournal journal = options.dataDir()
                .<RecoverableJournal>map(dir -> FileJournal.open(dir, options.syncWrites()))
                .orElseGet(MemoryJournal::new);
        HttpServer server = null;
        JsonbResolver jsonbToClose = null;
        try {
            AccountInfo account = new AccountInfo(options.accountId(), AccountInfo.SANDBOX_AID, "Lytics Sandbox", "sandbox.localhost",
                    options.clock().instant());
            IpAllowlist allowlist = new IpAllowlist();
            TokenStore tokens = new TokenStore(adminToken, options.clock(), journal);
            SettingsStore settings = new SettingsStore(allowlist, journal);
            DomainModule domain = DomainModule.create(journal, options.clock(), options.accountId(), options.demoData(),
                    options.identityFields(), options.maxProfiles(), settings);
            ReplayReport report = journal.replay();

            RequestStats stats = new RequestStats();
            FaultTable faults = new FaultTable();
            SandboxState state = new SandboxState(journal, tokens, settings, domain, stats, faults);

            JsonbResolver jsonb = new JsonbResolver();
            jsonbToClose = jsonb;
            ResourceConfig config = new ResourceConfig();
            config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
            config.register(JsonBindingFeature.class);
            config.register(jsonb);
            config.register(new PlainJsonWriter(jsonb.getContext(Map.class)));
            config.register(ErrorMapper.class);
            config.register(new BodyLimitFilter());
            config.register(new AuthenticationFilter(tokens, allowlist,
                    new ClientAddressResolver(options.trustedProxies().stream().map(Cidr::parse).toList()), account));
            config.register(new StatsFilter(stats));
            config.register(new PermissionFilter());
            config.register(new FaultFilter(faults));
            List<Object> resources = new ArrayList<>(List.of(new SandboxResource(stats, faults, state::reset),
                    new TokenResource(tokens, account.id()), new TokenV2Resource(tokens), new AccountResource(account),
                    new SettingsResource(settings), new UserResource(account)));
            resources.addAll(domain.resources());
            resources.forEach(config::register);

            URI bind = URI.create("http://" + hostForUri(options.host()) + ":" + options.port() + "/");
            server = GrizzlyHttpServerFactory.createHttpServer(bind, config, false);
            ServerThreads threads = new ServerThreads("lytics-sandbox");
            ServerThreads kernelThreads = new ServerThreads("lytics-sandbox-kernel");
            EnvelopeErrorPage errorPage = new EnvelopeErrorPage();
            server.getServerConfiguration().setDefaultErrorPageGenerator(errorPage);
            for (NetworkListener listener : server.getListeners()) {
                listener.setDefaultErrorPageGenerator(errorPage);
                listener.registerAddOn(new UpgradeIgnoringAddOn());
                listener.getTransport().setWorkerThreadPoolConfig(ThreadPoolConfig.defaultConfig()
                        .setPoolName("lytics-sandbox").setThreadFactory(threads)
                        .setCorePoolSize(MIN_WORKERS).setMaxPoolSize(MAX_WORKERS));
                // the selector threads too (without a config of ours Grizzly makes its own "grizzly-nio-kernel"
                // pool at start, whose threads this sandbox could not join at close)
                listener.getTransport().setSelectorRunnersCount(SELECTOR_THREADS);
                listener.getTransport().setKernelThreadPoolConfig(ThreadPoolConfig.defaultConfig()
                        .setPoolName("lytics-sandbox-kernel").setThreadFactory(kernelThreads)
                        .setCorePoolSize(SELECTOR_THREADS).setMaxPoolSize(SELECTOR_THREADS));
            }
            server.start();
            int port = server.getListeners().iterator().next().getPort();
            URI base = URI.create("http://" + hostForUri(options.host()) + ":" + port + "/");
            return new LyticsSandbox(server, List.of(threads, kernelThreads), base, adminToken, account.id(),
                    journal, report, state, jsonb, RouteCatalog.of(resources));
        } catch (IOException e) {
            stopQuietly(server);
            closeQuietly(jsonbToClose);
            journal.close();
            throw new UncheckedIOException("cannot start the sandbox on " + options.host() + ":" + options.port(), e);
        } catch (RuntimeException e) {
            stopQuietly(server);
            closeQuietly(jsonbToClose);
            journal.close();
            throw e;
        }
    }

    private static String hostForUri(String host) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static void closeQuietly(JsonbResolver jsonb) {
        if (jsonb != null) {
            jsonb.close();
        }
    }

    private static void stopQuietly(HttpServer server) {
        if (server != null) {
            server.shutdownNow();
        }
    }

    /**
     * The base URI, ending in {@code /}, e.g. {@code http://127.0.0.1:8181/}.
     *
     * @return the URI clients call
     */
    public URI baseUri() {
        return baseUri;
    }

    /**
     * The admin token: every role, and the only token accepted on {@code /_sandbox/}.
     *
     * @return the secret
     */
    public String adminToken() {
        return adminToken;
    }

    /**
     * The id of the sandbox's account (as in {@code /api/account/current} and {@code /c/{account}}).
     *
     * @return 32 hex characters
     */
    public String accountId() {
        return accountId;
    }

    /**
     * Every route the sandbox serves ({@code METHOD template}, e.g.
     * {@code GET /api/entity/{table}/{field}/{value}}), sorted.
     *
     * @return the routes; unmodifiable
     */
    public List<Route> routes() {
        return routes;
    }

    /**
     * What the start-up replay of the journal did (all zero in memory mode).
     *
     * @return the replay report
     */
    public ReplayReport replayReport() {
        return replayReport;
    }

    /**
     * Brings the sandbox back to its initial state, as {@code POST /_sandbox/reset} does.
     */
    public void reset() {
        state.reset();
    }

    /**
     * Stops the server (releasing hanging requests first), waits (at most 5 s) for its threads to
     * end, and closes the journal. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        state.faults().clear();
        // on a thread that ends, as at start: the caller's thread keeps no cache of Grizzly's
        LifecycleThread.call("lytics-sandbox-stop", () -> {
            server.shutdownNow();
            awaitEnd(threads);
            jsonb.close();
            journal.close();
            return null;
        });
    }

    /**
     * Waits, at most {@link #THREADS_END_WAIT} in all, for the server's threads to end: in a web
     * application, a thread still running after undeploy keeps the application's class loader.
     */
    private static void awaitEnd(List<ServerThreads> owned) {
        long deadline = System.nanoTime() + THREADS_END_WAIT.toNanos();
        try {
            for (ServerThreads group : owned) {
                group.join(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Everything {@code /_sandbox/reset} puts back. */
    private record SandboxState(RecoverableJournal journal, TokenStore tokens, SettingsStore settings,
                                DomainModule domain, RequestStats stats, FaultTable faults) {
        synchronized void reset() {
            journal.clear();
            tokens.reset();
            settings.reset();
            domain.reset();
            stats.reset();
            faults.clear();
        }
    }
}
