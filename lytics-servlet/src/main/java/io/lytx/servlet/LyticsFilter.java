package io.lytx.servlet;

import io.lytx.client.content.RecommendationQuery;
import io.lytx.servlet.config.LyticsConfig;
import io.lytx.servlet.internal.collect.EventCollector;
import io.lytx.servlet.internal.collect.RandomUuid;
import io.lytx.servlet.internal.identity.BotDetector;
import io.lytx.servlet.internal.identity.ConsentPolicy;
import io.lytx.servlet.internal.identity.IdentityResolver;
import io.lytx.servlet.internal.identity.StitchTracker;
import io.lytx.servlet.internal.identity.VisitorIds;
import io.lytx.servlet.internal.page.PageRequest;
import io.lytx.servlet.internal.page.PageViewEvents;
import io.lytx.servlet.internal.profile.Deadline;
import io.lytx.servlet.internal.profile.LookupKey;
import io.lytx.servlet.internal.profile.ProfileResult;
import io.lytx.servlet.internal.profile.ProfileService;
import io.lytx.servlet.internal.profile.Recommender;
import io.lytx.servlet.internal.runtime.LyticsRuntime;
import io.lytx.servlet.internal.web.EndpointRouter;
import io.lytx.servlet.internal.web.TemplateSupport;
import io.lytx.servlet.internal.web.VisitorLookup;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The Lytics filter: on every page request it identifies the visitor, starts the budgeted profile
 * lookup, exposes a {@link LyticsContext} as request attribute {@value LyticsContext#ATTRIBUTE},
 * and hands a page-view event to the asynchronous collector.
 *
 * <p>Guarantees: it never fails or delays a page because of Lytics (the lookup runs in parallel with
 * the page and the page waits, only if it reads the profile, at most the budget); each request is
 * handled once, whatever its forwards, includes and async dispatches; bots and requests without
 * consent get no cookie (bots) / nothing at all (no consent), and nothing is fetched or collected
 * for them; static assets and non-HTML requests pass straight through. The API token never reaches
 * a response.
 *
 * <p>Registered by the jar's {@code web-fragment.xml} (name {@value #NAME}), or with
 * {@link LyticsInitializer#register}. It uses the {@link LyticsRuntime} published by
 * {@link LyticsLifecycleListener}; registered alone, it builds and owns one.
 */
public class LyticsFilter implements Filter {

    /** Filter name used by the web fragment and {@link LyticsInitializer}. */
    public static final String NAME = "lytics";

    private static final System.Logger LOG = System.getLogger(LyticsFilter.class.getName());

    /** The answer for a visitor whose id was minted on this request; shared, already complete. */
    private static final CompletableFuture<ProfileResult> NEW_VISITOR =
            CompletableFuture.completedFuture(ProfileResult.newVisitor());

    private final LyticsRuntime given;
    private volatile LyticsRuntime runtime;
    private volatile boolean ownsRuntime;
    private volatile Handler handler;
    private volatile EndpointRouter endpoints;

    /** For the container: uses the runtime of the lifecycle listener, or builds its own. */
    public LyticsFilter() {
        this.given = null;
    }

    /**
     * A filter bound to a runtime it owns (closed in {@link #destroy()}); for programmatic registration.
     *
     * @param runtime the runtime, never null
     * @param owns    whether {@link #destroy()} closes it
     */
    LyticsFilter(LyticsRuntime runtime, boolean owns) {
        this.given = java.util.Objects.requireNonNull(runtime, "runtime");
        this.ownsRuntime = owns;
    }

    @Override
    public void init(FilterConfig filterConfig) throws ServletException {
        LyticsRuntime r = given;
        if (r == null) {
            ServletContext context = filterConfig.getServletContext();
            Object published = context.getAttribute(LyticsRuntime.CONTEXT_ATTRIBUTE);
            if (published instanceof LyticsRuntime p) {
                r = p;
            } else {
                Map<String, String> params = new HashMap<>();
                for (String name : Collections.list(filterConfig.getInitParameterNames())) {
                    params.put(name, filterConfig.getInitParameter(name));
                }
                r = LyticsRuntime.start(LyticsLifecycleListener.configFor(context, params), context.getContextPath());
                ownsRuntime = true;
            }
        }
        runtime = r;
        handler = r.active() ? new Handler(r) : null;
        endpoints = new EndpointRouter(TemplateSupport.install(filterConfig.getServletContext(), r), handler);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Handler h = handler;
        EndpointRouter router = endpoints;
        if ((h == null && router == null) || !(request instanceof HttpServletRequest req)
                || !(response instanceof HttpServletResponse res) || request.getAttribute(LyticsContext.ATTRIBUTE) != null) {
            chain.doFilter(request, response);
            return;
        }
        String path = PageRequestSelector.pathOf(req);
        if (router != null && router.serves(path)) {
            // the plugin's own endpoints (status, profile, collect, helper script): see io.lytx.servlet.internal.web
            router.serve(req, res, path);
            return;
        }
        if (h == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!h.selector.isPage(req, path)) {
            chain.doFilter(request, response);
            return;
        }
        LyticsContext context;
        CookieDeferringResponse deferring = new CookieDeferringResponse(res);
        try {
            context = h.handle(req, deferring, path);
        } catch (RuntimeException | LinkageError e) {
            // fail open: a fault of the plugin never fails the page
            h.reportFailure(e);
            context = LyticsContext.inactive("error");
        }
        req.setAttribute(LyticsContext.ATTRIBUTE, context);
        if (!deferring.holding()) {
            chain.doFilter(request, response);
            return;
        }
        // the visitor cookies wait for the commit: a response the application makes publicly cacheable gets none
        try {
            chain.doFilter(request, deferring);
        } finally {
            deferring.decide();
        }
    }

    @Override
    public void destroy() {
        LyticsRuntime r = runtime;
        handler = null;
        if (r != null && ownsRuntime) {
            r.close();
        }
    }

    /** The runtime in use (null before {@link #init}). */
    LyticsRuntime runtime() {
        return runtime;
    }

    /**
     * The per-deployment request logic, built once from the runtime; also the visitor lookup of the
     * profile endpoint. Thread-safe.
     */
    static final class Handler implements VisitorLookup {
        private final LyticsRuntime runtime;
        private final LyticsConfig config;
        private final ProfileService profiles;
        private final EventCollector collector;
        private final PageRequestSelector selector;
        private final BotDetector bots;
        private final ConsentPolicy consent;
        private final IdentityResolver identities;
        private final StitchTracker stitches;
        private final PageViewEvents events;
        private final LyticsContext botContext = LyticsContext.inactive(LyticsContext.REASON_BOT);
        private final java.util.concurrent.atomic.AtomicBoolean failureReported =
                new java.util.concurrent.atomic.AtomicBoolean();
        private final LyticsContext noConsentContext = LyticsContext.inactive(LyticsContext.REASON_NO_CONSENT);

        Handler(LyticsRuntime runtime) {
            this.runtime = runtime;
            this.config = runtime.config();
            this.profiles = runtime.profiles();
            this.collector = runtime.collector();
            this.selector = new PageRequestSelector(config.includePaths(), config.excludePaths(), config.staticAssets());
            this.bots = new BotDetector(config.botPattern());
            this.consent = new ConsentPolicy(config.consentGpc(), config.consentCookieName().orElse(null),
                    config.consentCookieValue());
            this.identities = IdentityResolver.forConfig(config);
            this.stitches = new StitchTracker(100_000);
            this.events = new PageViewEvents(config.collectUserAgent(), config.clientIp());
        }

        LyticsContext handle(HttpServletRequest req, HttpServletResponse res, String path) {
            return handle(req, res, path, true);
        }

        /** The profile endpoint's lookup: {@code request} is the page the browser is on, when it names one. */
        @Override
        public LyticsContext lookup(HttpServletRequest request, HttpServletResponse response, boolean countPageView) {
            return handle(request, response, PageRequestSelector.pathOf(request), countPageView);
        }

        /** As {@link #handle(HttpServletRequest, HttpServletResponse, String)}; {@code pageView} false sends no page view. */
        LyticsContext handle(HttpServletRequest req, HttpServletResponse res, String path, boolean pageView) {
            runtime.counters().page();
            if (bots.isBot(req.getHeader("User-Agent"))) {
                runtime.counters().bot();
                return botContext;
            }
            if (!consent.granted(req)) {
                runtime.counters().noConsent();
                return noConsentContext;
            }
            IdentityResolver.Resolution resolution = identities.resolve(req);
            Identity identity = resolution.identity();
            if (resolution.rotated()) {
                runtime.counters().visitorIdRotated();
            }
            if (identity.minted()) {
                runtime.counters().cookieMinted();
                if (hasInvalidCookie(req)) {
                    runtime.counters().invalidCookie();
                }
            }
            Deadline deadline = Deadline.after(config.budget());
            LookupKey key = new LookupKey(identity.lookupField(), identity.lookupValue());
            // an id minted on this request cannot be known to Lytics yet: no lookup (which would also race
            // the page view being forwarded, and could show a brand-new visitor as known)
            CompletableFuture<ProfileResult> profile = identity.minted() && identity.knownValue() == null
                    ? NEW_VISITOR : profiles.profile(key, deadline);
            if (profile.isDone() && !profile.isCompletedExceptionally()) {
                runtime.counters().outcome(profile.getNow(null).status().name()); // a cache hit: no callback needed
            } else {
                profile.thenAccept(r -> runtime.counters().outcome(r.status().name()));
            }
            String pageViewId = RandomUuid.next();
            Recommender recommender = (limit, contentSegment, d) -> profiles.recommendations(key,
                    contentSegment == null ? RecommendationQuery.defaults().limit(limit)
                            : RecommendationQuery.defaults().limit(limit).contentSegment(contentSegment), d);
            LyticsContext context = LyticsContext.started(identity, pageViewId, profile, deadline, recommender,
                    config.recommendationLimit());
            if (config.eagerRecommendationPaths().matches(path)) {
                context.startRecommendations(config.recommendationLimit());
            }
            boolean sends = collector != null && pageView;
            List<String> cookies = resolution.setCookies();
            if (!cookies.isEmpty()) { // most pages set no cookie: no lambda or iterator for them
                if (res instanceof CookieDeferringResponse deferring) {
                    // a minted id counts only if the browser gets it (not on a publicly cacheable response)
                    boolean afterDelivery = identity.minted() && sends;
                    deferring.defer(cookies, afterDelivery ? () -> send(req, identity, pageViewId) : null);
                    if (sends && !afterDelivery) {
                        send(req, identity, pageViewId);
                    }
                    return context;
                }
                for (String cookie : cookies) {
                    res.addHeader("Set-Cookie", cookie);
                }
            }
            if (sends) {
                send(req, identity, pageViewId);
            }
            return context;
        }

        /** Offers the identify event (first meeting of a known user and this id) and the page view. */
        private void send(HttpServletRequest req, Identity identity, String pageViewId) {
            long now = System.currentTimeMillis();
            if (stitches.firstMeeting(req, identity)) {
                runtime.counters().identify();
                runtime.counters().offered(collector.offer(events.identify(identity, now)));
            }
            if (!"HEAD".equals(req.getMethod())) { // a HEAD gets identity headers, but is no page view
                runtime.counters().offered(
                        collector.offer(events.pageView(PageRequest.from(req), identity, pageViewId, now)));
            }
        }

        /** Logs the first failure of the request path (with its stack trace), later ones not at all. */
        void reportFailure(Throwable e) {
            if (failureReported.compareAndSet(false, true)) {
                LOG.log(System.Logger.Level.ERROR, "Lytics failed on a page request; pages are served without "
                        + "personalization when this happens (further failures are not logged)", e);
            }
        }

        private boolean hasInvalidCookie(HttpServletRequest req) {
            jakarta.servlet.http.Cookie[] cookies = req.getCookies();
            if (cookies == null) {
                return false;
            }
            for (jakarta.servlet.http.Cookie c : cookies) {
                if (config.cookieName().equals(c.getName()) && !VisitorIds.isValid(c.getValue())) {
                    return true;
                }
            }
            return false;
        }
    }
}
