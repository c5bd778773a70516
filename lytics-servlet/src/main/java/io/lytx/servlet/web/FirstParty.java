package io.lytx.servlet.web;

import io.lytx.servlet.LyticsContext;
import io.lytx.servlet.LyticsRuntime;
import io.lytx.servlet.bootstrap.BootstrapJson;
import io.lytx.servlet.bootstrap.BootstrapText;
import io.lytx.servlet.bootstrap.HeadMarkup;
import io.lytx.servlet.preview.Personalization;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;

/**
 * The browser-facing part of one deployment: the first-party endpoints under the base path (default
 * {@code /lytics}): {@code GET profile}, {@code POST collect}, the helper script
 * ({@code lytics-helper.js} and its versioned name), and the pieces templates share (head markup,
 * personalization with preview). Published as the servlet-context attribute named by {@link #ATTRIBUTE} (this class's name).
 *
 * <p>The {@link io.lytx.servlet.LyticsFilter} installs it and delegates requests under the base path
 * to {@link #serve}. Thread-safe.
 */
public final class FirstParty {

    /** Servlet-context attribute holding the instance. */
    public static final String ATTRIBUTE = FirstParty.class.getName();

    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final String SHORT = "public, max-age=300";

    private final FirstPartySettings settings;
    private final LyticsRuntime runtime;
    private final HelperScript helper;
    private final ConsentState consent;
    private final ProfileEndpoint profile;
    private final CollectEndpoint collect;
    private final BootstrapText bootstrap;
    /** Racy by design: any thread's value is right for its context path, which is checked on use. */
    private volatile ContextPaths lastPaths;

    private FirstParty(FirstPartySettings settings, LyticsRuntime runtime, HelperScript helper) {
        this.settings = settings;
        this.runtime = runtime;
        this.helper = helper;
        this.bootstrap = new BootstrapText(settings.bootstrap());
        boolean serving = runtime != null && runtime.active() && settings.enabled();
        this.consent = runtime == null ? null : new ConsentState(runtime.config());
        this.profile = serving ? new ProfileEndpoint(this, runtime) : null;
        this.collect = serving ? new CollectEndpoint(settings, runtime) : null;
    }

    /**
     * Builds the deployment's instance from the runtime's config and publishes it in the context.
     *
     * @param context the servlet context, never null
     * @param runtime the runtime, never null
     * @throws IllegalArgumentException when a setting is invalid (the message names the key)
     */
    public static FirstParty install(ServletContext context, LyticsRuntime runtime) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(runtime, "runtime");
        FirstParty fp = new FirstParty(FirstPartySettings.from(runtime.config()), runtime,
                HelperScript.load(FirstParty.class.getClassLoader()));
        context.setAttribute(ATTRIBUTE, fp);
        return fp;
    }

    /**
     * The instance of a web application: the installed one, else one built from the published runtime
     * (or from defaults when there is none; it then serves nothing). Never null.
     *
     * @param context the servlet context, never null
     */
    public static FirstParty of(ServletContext context) {
        Objects.requireNonNull(context, "context");
        Object existing = context.getAttribute(ATTRIBUTE);
        if (existing instanceof FirstParty fp) {
            return fp;
        }
        Object r = context.getAttribute(LyticsRuntime.CONTEXT_ATTRIBUTE);
        LyticsRuntime runtime = r instanceof LyticsRuntime lr ? lr : null;
        FirstPartySettings settings = runtime == null ? FirstPartySettings.defaults() : FirstPartySettings.from(runtime.config());
        FirstParty fp = new FirstParty(settings, runtime, HelperScript.load(FirstParty.class.getClassLoader()));
        context.setAttribute(ATTRIBUTE, fp);
        return fp;
    }

    /** The settings. */
    public FirstPartySettings settings() {
        return settings;
    }

    /** The runtime, or null when the plugin is not running in this application. */
    public LyticsRuntime runtime() {
        return runtime;
    }

    /** The helper shipped in the jar, or null when the jar has none. */
    public HelperScript helper() {
        return helper;
    }

    /**
     * Whether {@link #serve} handles a path: every path under the base path when the plugin is active
     * and the endpoints are enabled ({@code {base}/profile}, {@code {base}/collect}, the helper script
     * names; anything else there, the base itself included, is a 404: the container never lists the
     * jar's {@code META-INF/resources/lytics/} folder); otherwise only the base as a folder
     * ({@code {base}} and {@code {base}/}), answered 404 for the same reason.
     *
     * @param path the request path inside the web app
     */
    public boolean serves(String path) {
        String base = settings.basePath();
        int b = base.length();
        // checked in place: this runs on every request the filter sees
        if (path == null || !path.startsWith(base) || (path.length() > b && path.charAt(b) != '/')) {
            return false;
        }
        return profile != null || path.length() <= b + 1;
    }

    private boolean isScript(String name) {
        return name.equals(HelperScript.PLAIN_NAME) || (name.startsWith("lytics-helper.") && name.endsWith(".js"));
    }

    /**
     * Answers a request under the base path (see {@link #serves}).
     *
     * @param req    the request, never null
     * @param res    the response, never null
     * @param path   the request path inside the web app
     * @param lookup the filter's visitor handling, or null when the plugin is inactive
     * @throws IOException when writing the response fails
     */
    public void serve(HttpServletRequest req, HttpServletResponse res, String path, VisitorLookup lookup) throws IOException {
        String rest = path.length() <= settings.basePath().length() + 1 ? "" : path.substring(settings.basePath().length() + 1);
        if (profile == null || lookup == null) {
            Responses.error(res, 404, "no such resource");
            return;
        }
        switch (rest) {
            case "profile" -> profile.serve(req, res, lookup);
            case "collect" -> collect.serve(req, res);
            default -> {
                if (isScript(rest)) {
                    serveScript(req, res, rest);
                } else {
                    Responses.error(res, 404, "no such resource");
                }
            }
        }
    }

    private void serveScript(HttpServletRequest req, HttpServletResponse res, String name) throws IOException {
        if (!"GET".equals(req.getMethod()) && !"HEAD".equals(req.getMethod())) {
            Responses.methodNotAllowed(res, "GET, HEAD");
            return;
        }
        boolean versioned = helper != null && name.equals(helper.versionedName());
        if (helper == null || (!versioned && !name.equals(HelperScript.PLAIN_NAME))) {
            Responses.error(res, 404, "no such script");
            return;
        }
        res.setHeader("Cache-Control", versioned ? IMMUTABLE : SHORT);
        res.setHeader("ETag", helper.etag());
        res.setHeader("X-Content-Type-Options", "nosniff");
        String inm = req.getHeader("If-None-Match");
        if (inm != null && inm.contains(helper.etag())) {
            res.setStatus(304);
            return;
        }
        res.setStatus(200);
        res.setContentType("text/javascript");
        res.setCharacterEncoding("UTF-8");
        res.setContentLength(helper.length());
        if ("GET".equals(req.getMethod())) {
            res.getOutputStream().write(helper.bytes());
        }
    }

    /** The endpoint URLs of a request (context path included). */
    public BootstrapJson.Endpoints endpoints(HttpServletRequest req) {
        return paths(req).endpoints();
    }

    /** URL of the helper script (versioned when the jar has it). */
    public String helperUrl(HttpServletRequest req) {
        return paths(req).helperUrl();
    }

    /** The URLs of the request's context path: the last context path's are kept (a deployment has one). */
    private ContextPaths paths(HttpServletRequest req) {
        String contextPath = req.getContextPath();
        ContextPaths last = lastPaths;
        if (last != null && Objects.equals(last.contextPath(), contextPath)) {
            return last;
        }
        String base = contextPath + settings.basePath();
        ContextPaths paths = new ContextPaths(contextPath,
                new BootstrapJson.Endpoints(base + "/profile", base + "/collect"),
                base + "/" + (helper == null ? HelperScript.PLAIN_NAME : helper.versionedName()));
        lastPaths = paths;
        return paths;
    }

    /** The first-party URLs of one context path. */
    private record ContextPaths(String contextPath, BootstrapJson.Endpoints endpoints, String helperUrl) {
    }

    /**
     * The bootstrap text of a decided page (script-safe JSON).
     *
     * @param p       the page's personalization, never null
     * @param req     the request (endpoints, consent), never null
     * @param counted whether the server counted this page view
     */
    public String bootstrapText(Personalization p, HttpServletRequest req, boolean counted) {
        return bootstrap.of(p, endpoints(req), counted, consent(req));
    }

    /** The consent value of the bootstrap for a request. */
    public String consent(HttpServletRequest req) {
        return consent == null ? "pending" : consent.of(req);
    }

    /**
     * The page's personalization (with preview), created on first use.
     *
     * @param req the request, never null
     * @param res its response (for the preview cookie), or null
     */
    public Personalization personalization(HttpServletRequest req, HttpServletResponse res) {
        return Personalization.of(req, res, settings.preview());
    }

    /**
     * The CSP nonce of a request: {@code explicit} when given, else the request attribute named by
     * {@code lytics.csp.nonce.attribute} (default {@code cspNonce}); null when none or not base64 text.
     */
    public String nonce(HttpServletRequest req, String explicit) {
        String n = explicit != null && !explicit.isBlank() ? explicit.strip()
                : req.getAttribute(settings.bootstrap().nonceAttribute()) instanceof CharSequence cs ? cs.toString() : null;
        return HeadMarkup.validNonce(n) ? n : null;
    }

    /**
     * The head markup of a page: bootstrap, helper script and (when configured or asked) the official
     * tag loader. Reads the profile (waiting at most the budget).
     *
     * @param req             the request, never null
     * @param res             the response (for the preview cookie), or null
     * @param nonce           explicit nonce, or null to use the request attribute
     * @param recommendations fetch this many recommendations first so they are in the bootstrap (0 = none)
     * @param loadTag         load the official tag: null = as configured
     * @param deferred        write a deferred bootstrap (pages served from a shared cache)
     * @param timeoutMs       bounded wait of the helper for deferred pages, or null
     */
    public String head(HttpServletRequest req, HttpServletResponse res, String nonce, int recommendations, Boolean loadTag,
                       boolean deferred, Integer timeoutMs) {
        Objects.requireNonNull(req, "req");
        String tagSrc = (loadTag != null ? loadTag : settings.bootstrap().tagLoader()) ? settings.bootstrap().tagSrc() : null;
        String n = nonce(req, nonce);
        if (deferred) {
            String cookie = settings.bootstrap().cookieName();
            return HeadMarkup.render(BootstrapJson.deferredText(endpoints(req), cookie), helperUrl(req), n, timeoutMs, tagSrc,
                    cookie);
        }
        Personalization p = personalization(req, res);
        if (recommendations > 0) {
            p.recommendations(recommendations, null);
        }
        LyticsContext context = p.context();
        boolean counted = context.isActive() && runtime != null && runtime.collector() != null;
        return HeadMarkup.render(bootstrapText(p, req, counted),
                helperUrl(req), n, timeoutMs, tagSrc, settings.bootstrap().cookieName());
    }
}
