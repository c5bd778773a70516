package io.lytx.servlet.web;

import io.lytx.servlet.LyticsContext;
import io.lytx.servlet.LyticsRuntime;
import io.lytx.servlet.preview.Personalization;
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

    private final FirstParty firstParty;
    private final LyticsRuntime runtime;

    ProfileEndpoint(FirstParty firstParty, LyticsRuntime runtime) {
        this.firstParty = firstParty;
        this.runtime = runtime;
    }

    void serve(HttpServletRequest req, HttpServletResponse res, VisitorLookup lookup) throws IOException {
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
        String json = firstParty.bootstrapText(p, req, counted);
        res.setHeader("Vary", "Cookie");
        Responses.json(res, 200, json, "GET".equals(method));
    }
}
