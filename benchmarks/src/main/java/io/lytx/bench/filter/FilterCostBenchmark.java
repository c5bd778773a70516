package io.lytx.bench.filter;

import io.lytx.bench.servlet.FakeRequest;
import io.lytx.bench.servlet.FakeResponse;
import io.lytx.bench.servlet.FilterHost;
import io.lytx.bench.sink.StubUpstream;
import io.lytx.servlet.LyticsContext;
import io.lytx.servlet.LyticsFilter;
import io.lytx.servlet.ProfileStatus;
import io.lytx.servlet.internal.identity.BotDetector;
import io.lytx.servlet.internal.identity.IdentityBinding;
import io.lytx.servlet.internal.runtime.LyticsRuntime;
import io.lytx.servlet.internal.web.TemplateSupport;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Cost of the Lytics filter on the request path of a returning visitor whose profile is cached
 * (a cache hit), against a bare filter chain, in the same run.
 *
 * <p>What runs is the real {@link LyticsFilter}, initialized as a container would (init parameters),
 * in front of a page that does nothing; the request is a returning browser's GET of an HTML page
 * with a valid {@code seerid} cookie. Per request the filter selects the page, checks bots and
 * consent, resolves the identity, looks the profile up (a Caffeine hit: the profile was fetched
 * once at set-up from a local stub upstream), builds the {@link LyticsContext} and queues a
 * page-view event to the collector, whose worker posts batches to the stub in the background (the
 * stub reads and drops them). The fake request and response answer from memory, so the difference
 * between {@code filterCacheHit} and {@code bareChain} is what the filter adds.
 * {@code filterCacheHitPageReads} adds what a template then does: status, one segment test and one
 * field. The request's cookies come from its {@code Cookie} header, parsed on first use in each
 * request as a container does ({@link FakeRequest#getCookies()}).
 *
 * <p>No page view may be dropped, or the figure would be of the cheaper drop path: the collector's
 * queue holds up to {@value #QUEUE_EVENTS} events (the most the filter allows), iterations are
 * short (200 ms: fewer events than that), and after each iteration, outside the measured time, the
 * benchmark waits until the worker has sent the queue to the stub ({@link #drain()}). During an
 * iteration the worker is blocked on a batch POST that the stub holds ({@link #worker}). The queue
 * thus holds up to hundreds of thousands of live events by the end of an iteration, which a site
 * would have sent within a second: so that collections inside the measured time do not copy them
 * (a cost of the benchmark, not of the filter), the young generation is 3 GB and a full collection
 * runs before each iteration, outside the measured time. {@code -prof gc} shows the collections
 * that still fall inside. Each
 * iteration prints what was queued and dropped, and what the request thread itself allocated per
 * request ({@code -prof gc}'s {@code gc.alloc.rate.norm} counts every thread: also the worker
 * writing the JSON and the stub reading it); the end of the run prints the totals.
 *
 * <p>SampleTime mode: JMH's score is the mean of the sampled requests, with the median and p99
 * beside it. Run: {@code java -jar benchmarks/target/benchmarks.jar FilterCost -prof gc}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 25, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 25, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-Xmn3g"})
@State(Scope.Benchmark)
public class FilterCostBenchmark {

    /** A valid visitor id, as the Lytics JS tag or this filter writes it. */
    static final String VISITOR = "3b1f6a2e-8c4d-4e7a-9f21-6d5c4b3a2918";
    /** The API token of the benchmarked deployment (the stub accepts any). */
    static final String TOKEN = "bench-token";
    /** The bound of the collector's queue: the largest the filter accepts ({@code lytics.queue.max.events}). */
    static final int QUEUE_EVENTS = 1_000_000;
    /** Longest wait for the worker to empty the queue after an iteration. */
    static final long DRAIN_SECONDS = 120;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();

    /**
     * What the collector's worker does during a measured iteration: {@code held} (default) blocks
     * it on its one batch POST, which the stub holds until the iteration ends, so that the request
     * thread is measured alone (the worker's own cost is figure 6); {@code sending} lets it send
     * while the requests are measured, competing with them for the two cores
     * ({@code -p worker=sending}).
     */
    @Param({"held"})
    public String worker = "held";

    private StubUpstream upstream;
    private LyticsFilter filter;
    private LyticsRuntime runtime;
    private BotDetector bots;
    private String[] botWords;
    private final IdentityBinding marker = IdentityBinding.derivedFrom(TOKEN);
    private final FormerMarkerCheck formerMarkerCheck = new FormerMarkerCheck(TOKEN);
    private long enqueuedBefore;
    private long droppedBefore;

    /** Per-thread request, response and page. */
    @State(Scope.Thread)
    public static class Exchange {
        final FakeRequest request = new FakeRequest("/articles/green-tea", "utm_source=newsletter", new String[] {
            "Host", "localhost:8080",
            "Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8",
            "Accept-Language", "en-US,en;q=0.9",
            "User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                    + "Chrome/131.0.0.0 Safari/537.36",
            "Referer", "https://www.example.org/search?q=tea",
        }, new Cookie[] {new Cookie("seerid", VISITOR), new Cookie("JSESSIONID", "node01abcdef"),
            // the marker the plugin sets beside the id (the id is this anonymous visitor's): a steady returning visitor
            new Cookie("seerid_bind", IdentityBinding.derivedFrom(TOKEN).marker(VISITOR, null, null))});
        final FakeResponse response = new FakeResponse();
        /** The value of the request's {@code seerid_bind} cookie. */
        final String marker = IdentityBinding.derivedFrom(TOKEN).marker(VISITOR, null, null);
        Blackhole blackhole;
        /** The page: consumes the request so that nothing is optimized away. */
        final FilterChain emptyPage = (req, res) -> blackhole.consume(req);
        /** A page that reads what a template typically reads. */
        final FilterChain readingPage = (req, res) -> {
            LyticsContext lytics = LyticsContext.of(req);
            blackhole.consume(lytics.getStatus());
            blackhole.consume(lytics.inSegment("vip"));
            blackhole.consume(lytics.field("first_name"));
        };

        /** Requests made by this thread in the current iteration. */
        long requests;
        private long allocatedAtStart;
        private boolean measured;
        private long measuredRequests;
        private long measuredBytes;

        /** @param bh JMH's blackhole */
        @Setup(Level.Trial)
        public void bind(Blackhole bh) {
            this.blackhole = bh;
        }

        /**
         * Notes what this thread has allocated so far (it runs on the benchmark thread).
         *
         * @param iteration which iteration starts
         */
        @Setup(Level.Iteration)
        public void startCounting(IterationParams iteration) {
            measured = iteration.getType() == IterationType.MEASUREMENT;
            requests = 0;
            allocatedAtStart = THREADS.getCurrentThreadAllocatedBytes();
        }

        /**
         * Prints what this thread allocated per request in the iteration: the request thread's own
         * allocation, unlike JMH's {@code gc.alloc.rate.norm}, which counts every thread (also the
         * collector's worker writing the JSON and the stub reading it).
         */
        @TearDown(Level.Iteration)
        public void printAllocation() {
            long bytes = THREADS.getCurrentThreadAllocatedBytes() - allocatedAtStart;
            if (measured) {
                measuredRequests += requests;
                measuredBytes += bytes;
            }
            System.out.printf(java.util.Locale.ROOT, " [request thread: %d requests, %.0f B/request]", requests,
                    requests == 0 ? 0.0 : (double) bytes / requests);
        }

        /** Prints the request thread's allocation per request over the measured iterations. */
        @TearDown(Level.Trial)
        public void printMeasuredAllocation() {
            System.out.printf(java.util.Locale.ROOT, "%nrequest thread allocation over the measured iterations: %.1f B/request"
                    + " (%d requests)%n", measuredRequests == 0 ? 0.0 : (double) measuredBytes / measuredRequests,
                    measuredRequests);
        }
    }

    /**
     * Starts the stub upstream and the filter, and warms the profile cache with one request.
     *
     * @throws Exception if the filter cannot start or the profile is not cached within 10 s
     */
    @Setup(Level.Trial)
    public void start() throws Exception {
        upstream = StubUpstream.start(4); // a held batch POST occupies one thread
        filter = new LyticsFilter();
        ServletContext context = FilterHost.init(filter, Map.of(
                "lytics.api.url", upstream.baseUri().toString(),
                "lytics.api.token", TOKEN,
                "lytics.queue.max.events", Integer.toString(QUEUE_EVENTS),
                "lytics.queue.max.bytes", Long.toString(1L << 32),
                "lytics.jmx.enabled", "false"));
        runtime = ((TemplateSupport) context.getAttribute(TemplateSupport.ATTRIBUTE)).runtime();
        bots = new BotDetector(runtime.config().botPattern());
        botWords = runtime.config().botPattern().pattern().split("\\|");
        Exchange warm = new Exchange();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        ProfileStatus status;
        while (true) {
            warm.request.reset();
            warm.response.reset();
            filter.doFilter(warm.request, warm.response, (req, res) -> { });
            status = LyticsContext.of(warm.request).getStatus();
            if (status == ProfileStatus.KNOWN || System.nanoTime() > end) {
                break;
            }
            Thread.sleep(100); // a loaded machine may miss the budget at first; the breaker then needs time
        }
        if (status != ProfileStatus.KNOWN) {
            throw new IllegalStateException("the profile was not cached: status " + status);
        }
        if (warm.response.headerCount() != 0) {
            throw new IllegalStateException("a returning visitor must get no Set-Cookie");
        }
        enqueuedBefore = runtime.collector().metrics().enqueued();
        droppedBefore = runtime.collector().metrics().dropped();
    }

    /**
     * Before each iteration: collects the garbage, and holds the worker's batch POSTs at the stub
     * unless {@link #worker} is {@code sending}.
     */
    @Setup(Level.Iteration)
    public void holdWorker() {
        System.gc(); // see the class comment: the last iteration's page views are garbage now
        if (!"sending".equals(worker)) {
            upstream.holdPosts();
        }
    }

    /**
     * After each iteration, outside the measured time: lets the held POSTs through, waits until the
     * collector's worker has sent every queued page view, and prints what the iteration queued and
     * dropped.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    @TearDown(Level.Iteration)
    public void drain() throws InterruptedException {
        upstream.releasePosts();
        if (runtime == null || runtime.collector() == null) {
            return;
        }
        var metrics = runtime.collector().metrics();
        long enqueued = metrics.enqueued() - enqueuedBefore;
        long dropped = metrics.dropped() - droppedBefore;
        int depth = metrics.queueDepth();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(DRAIN_SECONDS);
        runtime.collector().flush(java.time.Duration.ZERO); // send the last batch now, not after the linger time
        while (unsent() > 0 && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        long left = unsent();
        enqueuedBefore = runtime.collector().metrics().enqueued();
        droppedBefore = runtime.collector().metrics().dropped();
        System.out.printf(java.util.Locale.ROOT, " [page views queued %d, dropped %d, in the queue at the end %d,"
                + " sent in %.1f s more%s]", enqueued, dropped, depth, (System.nanoTime() - start) / 1e9,
                left > 0 ? ", NOT DRAINED: " + left + " left" : "");
    }

    /** Page views queued and not yet answered by the stub (in the queue or in the worker's batch). */
    private long unsent() {
        var m = runtime.collector().metrics();
        return m.enqueued() - m.sent() - m.rejected() - m.failed();
    }

    /** Stops the filter and the stub, and prints what the collector did meanwhile. */
    @TearDown(Level.Trial)
    public void stop() {
        String collector = runtime == null || runtime.collector() == null ? "none" : runtime.collector().metrics().toString();
        long droppedTotal = runtime == null || runtime.collector() == null ? 0 : runtime.collector().metrics().dropped();
        String profiles = runtime == null ? "none" : runtime.profiles().metrics().toString();
        String page = runtime == null ? "none" : runtime.metrics().snapshot().toString();
        filter.destroy(); // closes the runtime it owns
        upstream.close();
        System.out.println();
        System.out.println("page views dropped in this run (must be 0): " + droppedTotal);
        System.out.println("collector: " + collector);
        System.out.println("profiles: " + profiles);
        System.out.println("filter: " + page);
        System.out.println("upstream: entity calls " + upstream.entityCalls() + ", events received " + upstream.lyticsEvents());
    }

    /**
     * Baseline: the page alone behind a bare chain.
     *
     * @param x the thread's exchange
     * @throws IOException      never (the page does no I/O)
     * @throws ServletException never
     */
    @Benchmark
    public void bareChain(Exchange x) throws IOException, ServletException {
        ServletRequest req = reset(x);
        ServletResponse res = x.response;
        x.emptyPage.doFilter(req, res);
    }

    /**
     * The filter in front of the same page, profile cached.
     *
     * @param x the thread's exchange
     * @throws IOException      never
     * @throws ServletException never
     */
    @Benchmark
    public void filterCacheHit(Exchange x) throws IOException, ServletException {
        ServletRequest req = reset(x);
        filter.doFilter(req, x.response, x.emptyPage);
    }

    /**
     * The filter, then a page that reads the status, one segment and one field.
     *
     * @param x the thread's exchange
     * @throws IOException      never
     * @throws ServletException never
     */
    @Benchmark
    public void filterCacheHitPageReads(Exchange x) throws IOException, ServletException {
        ServletRequest req = reset(x);
        filter.doFilter(req, x.response, x.readingPage);
    }

    /**
     * One part of the filter's work, for attribution: the bot check of the default pattern on the
     * request's User-Agent (a browser's, so the whole pattern is searched).
     *
     * @param x the thread's exchange
     * @return whether it is a bot (false)
     */
    @Benchmark
    public boolean partBotCheck(Exchange x) {
        return bots.isBot(x.request.getHeader("User-Agent"));
    }

    /**
     * Not the filter's code: a possible cheaper bot check for comparison, the same default words
     * searched with {@code indexOf} in the lower-cased User-Agent (valid only because the default
     * pattern is a plain alternation of lower-case words).
     *
     * @param x the thread's exchange
     * @return whether it is a bot (false)
     */
    @Benchmark
    public boolean altBotCheckLowerCaseIndexOf(Exchange x) {
        String ua = x.request.getHeader("User-Agent").toLowerCase(java.util.Locale.ROOT);
        for (String word : botWords) {
            if (ua.indexOf(word) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Not the filter's code, for attribution: what the (fake) container does when the filter first
     * asks for the request's cookies ({@link FakeRequest#getCookies()} on a fresh request: its
     * {@code Cookie} header cut into names and values and made into {@code Cookie} objects, as Tomcat
     * and Jetty do on the first call). Part of {@code filterCacheHit}; a page that reads cookies
     * itself would pay it anyway.
     *
     * @param x the thread's exchange
     * @return the parsed cookies
     */
    @Benchmark
    public Cookie[] partContainerCookies(Exchange x) {
        reset(x);
        return x.request.getCookies();
    }

    /**
     * One part of the filter's work, for attribution: the check of the {@code seerid_bind} marker of
     * this returning anonymous visitor ({@link IdentityBinding#binds}: one HMAC-SHA-256 on this
     * thread's own {@code Mac}).
     *
     * @param x the thread's exchange
     * @return whether the marker binds the id (true)
     */
    @Benchmark
    public boolean partMarkerCheck(Exchange x) {
        return marker.binds(x.marker, VISITOR, null, null);
    }

    /**
     * Not the filter's code: the marker check as it was until 2026-12-07, kept here only to compare
     * the two in one run: a clone of the keyed {@code Mac} per check, the joined text, a new marker
     * string encoded and both compared as bytes.
     *
     * @param x the thread's exchange
     * @return whether the marker binds the id (true)
     */
    @Benchmark
    public boolean altMarkerCheckClonePerCall(Exchange x) {
        return formerMarkerCheck.binds(x.marker, VISITOR, null, null);
    }

    /** The runtime the filter started (for checks of the harness). */
    LyticsRuntime runtime() {
        return runtime;
    }

    private static ServletRequest reset(Exchange x) {
        x.requests++;
        x.request.reset();
        x.response.reset();
        return x.request;
    }

    /**
     * The marker check of {@link IdentityBinding} as it was until 2026-12-07, only for
     * {@link #altMarkerCheckClonePerCall}: not used by the filter. Thread-safe (the keyed
     * {@code Mac} is only cloned).
     */
    static final class FormerMarkerCheck {
        private final javax.crypto.Mac prototype;

        FormerMarkerCheck(String secret) {
            byte[] key = keyed(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .doFinal("lytx identity binding v1".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            this.prototype = keyed(key);
        }

        boolean binds(String marker, String visitorId, String knownField, String knownValue) {
            if (marker == null || marker.length() > 64) {
                return false;
            }
            return java.security.MessageDigest.isEqual(marker.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                    marker(visitorId, knownField, knownValue).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }

        private String marker(String visitorId, String knownField, String knownValue) {
            javax.crypto.Mac mac;
            try {
                mac = (javax.crypto.Mac) prototype.clone();
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException(e);
            }
            byte[] full = mac.doFinal((visitorId + '\u0000' + (knownField == null ? "" : knownField + '\u0000' + knownValue))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "1." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(full, 16));
        }

        private static javax.crypto.Mac keyed(byte[] key) {
            try {
                javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
                mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
                return mac;
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
