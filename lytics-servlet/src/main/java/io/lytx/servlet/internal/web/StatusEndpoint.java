package io.lytx.servlet.internal.web;

import io.lytx.servlet.config.LyticsConfig;
import io.lytx.servlet.internal.metrics.StatusAccess;
import io.lytx.servlet.internal.metrics.StatusJson;
import io.lytx.servlet.internal.runtime.LyticsRuntime;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET {lytics.status.path}}: the plugin's metrics and configuration as JSON
 * ({@link StatusJson}), for loopback callers and users in {@code lytics.status.role}
 * ({@link StatusAccess}); 403 for anyone else, 405 for a method other than GET and HEAD. Never
 * cached ({@code Cache-Control: no-store}); the token is only ever shown as set or absent.
 * Thread-safe; reads a snapshot of the counters, never blocks on lookups.
 */
final class StatusEndpoint {

    private final LyticsRuntime runtime;
    private final LyticsConfig config;

    /** @param runtime the active runtime, never null */
    StatusEndpoint(LyticsRuntime runtime) {
        this.runtime = runtime;
        this.config = runtime.config();
    }

    void serve(HttpServletRequest req, HttpServletResponse res) throws IOException {
        if (!"GET".equals(req.getMethod()) && !"HEAD".equals(req.getMethod())) {
            res.setStatus(405);
            res.setHeader("Allow", "GET, HEAD");
            return;
        }
        boolean allowed = StatusAccess.allowed(req, config.statusRole().orElse(null));
        String json = allowed ? StatusJson.render(runtime.metrics().snapshot(), config.describe())
                : "{\"status\":403,\"error\":\"the status is for loopback callers"
                + (config.statusRole().isPresent() ? " and users in the configured role" : "") + "\"}";
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        res.setStatus(allowed ? 200 : 403);
        res.setContentType("application/json");
        res.setCharacterEncoding("UTF-8");
        res.setHeader("Cache-Control", "no-store");
        res.setContentLength(body.length);
        if ("GET".equals(req.getMethod())) {
            res.getOutputStream().write(body);
        }
    }
}
