package io.lytx.servlet.internal.web;

import io.lytx.servlet.internal.runtime.LyticsRuntime;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;

/**
 * Answers the plugin's own requests, which never reach the application: the status endpoint
 * ({@code lytics.status.path}) and the first-party endpoints under the base path (default
 * {@code /lytics}): {@code GET profile}, {@code POST collect} and the helper script
 * ({@code lytics-helper.js} and its versioned name). Built once by the {@link io.lytx.servlet.LyticsFilter},
 * which hands it every request for which {@link #serves} is true. Thread-safe.
 */
public final class EndpointRouter {

    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final String SHORT = "public, max-age=300";

    private final FirstPartySettings settings;
    private final HelperScript helper;
    private final String statusPath;
    /** Null unless the plugin is active and the status endpoint enabled. */
    private final StatusEndpoint status;
    /** Null unless the plugin is active and the first-party endpoints enabled; so is {@link #collect}. */
    private final ProfileEndpoint profile;
    private final CollectEndpoint collect;

    /**
     * @param templates the deployment's template support (settings, runtime, bootstrap), never null
     * @param lookup    the filter's visitor handling, or null when the plugin is inactive (then only
     *                  the base path is answered, 404)
     */
    public EndpointRouter(TemplateSupport templates, VisitorLookup lookup) {
        Objects.requireNonNull(templates, "templates");
        LyticsRuntime runtime = templates.runtime();
        boolean active = runtime != null && runtime.active() && lookup != null;
        this.settings = templates.settings();
        this.helper = templates.bootstrap().helper();
        this.statusPath = active ? runtime.config().statusPath() : null;
        this.status = active && runtime.config().statusEnabled() ? new StatusEndpoint(runtime) : null;
        boolean serving = active && settings.enabled();
        this.profile = serving ? new ProfileEndpoint(templates.bootstrap(), runtime, lookup) : null;
        this.collect = serving ? new CollectEndpoint(settings, runtime) : null;
    }

    /**
     * Whether {@link #serve} handles a path: the status path when the status endpoint is on; every
     * path under the base path when the plugin is active and the endpoints are enabled
     * ({@code {base}/profile}, {@code {base}/collect}, the helper script names; anything else there,
     * the base itself included, is a 404: the container never lists the jar's
     * {@code META-INF/resources/lytics/} folder); otherwise only the base as a folder
     * ({@code {base}} and {@code {base}/}), answered 404 for the same reason.
     *
     * @param path the request path inside the web app
     */
    public boolean serves(String path) {
        if (status != null && statusPath.equals(path)) {
            return true;
        }
        String base = settings.basePath();
        int b = base.length();
        // checked in place: this runs on every request the filter sees
        if (path == null || !path.startsWith(base) || (path.length() > b && path.charAt(b) != '/')) {
            return false;
        }
        return profile != null || path.length() <= b + 1;
    }

    /**
     * Answers a request for which {@link #serves} is true.
     *
     * @param req  the request, never null
     * @param res  the response, never null
     * @param path the request path inside the web app
     * @throws IOException when writing the response fails
     */
    public void serve(HttpServletRequest req, HttpServletResponse res, String path) throws IOException {
        if (status != null && statusPath.equals(path)) {
            status.serve(req, res);
            return;
        }
        String rest = path.length() <= settings.basePath().length() + 1 ? "" : path.substring(settings.basePath().length() + 1);
        if (profile == null) {
            Responses.error(res, 404, "no such resource");
            return;
        }
        switch (rest) {
            case "profile" -> profile.serve(req, res);
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

    private boolean isScript(String name) {
        return name.equals(HelperScript.PLAIN_NAME) || (name.startsWith("lytics-helper.") && name.endsWith(".js"));
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
}
