package io.lytx.servlet.internal.web;

import io.lytx.servlet.LyticsContext;
import io.lytx.servlet.internal.preview.Personalization;
import io.lytx.servlet.internal.runtime.LyticsRuntime;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET {base}/profile}: the requesting visitor's own bootstrap (identified by the cookie of
 * this request only: no parameter selects a visitor), as JSON with {@code Cache-Control: private,
 * no-store} and {@code Vary: Cookie}. When the request's {@code Referer} is a page of this site, the
 * page view of that (cached) page is counted and the answer says {@code counted: true}. The API token
 * is never part of it. Thread-safe.
 */
final class ProfileEndpoint {

    private final PageBootstrap bootstrap;
    private final LyticsRuntime runtime;
    private final VisitorLookup lookup;

    /**
     * @param bootstrap writes the bootstrap, never null
     * @param runtime   the active runtime, never null
     * @param lookup    the filter's visitor handling, built once at start-up, never null
     */
    ProfileEndpoint(PageBootstrap bootstrap, LyticsRuntime runtime, VisitorLookup lookup) {
        this.bootstrap = bootstrap;
        this.runtime = runtime;
        this.lookup = lookup;
    }

    void serve(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String method = req.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            Responses.methodNotAllowed(res, "GET, HEAD");
            return;
        }
        HttpServletRequest page = RefererPage.of(req);
        boolean count = page != null && "GET".equals(method);
        LyticsContext context = lookup.lookup(page != null ? page : req, res, count);
        Personalization p = Personalization.of(context);
        if (context.isActive()) {
            p.recommendations(runtime.config().recommendationLimit(), null);
        }
        boolean counted = count && context.isActive() && runtime.collector() != null;
        String json = bootstrap.text(p, req, counted);
        res.setHeader("Vary", "Cookie");
        Responses.json(res, 200, json, "GET".equals(method));
    }
}
