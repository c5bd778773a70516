package io.lytx.servlet.internal.web;

import io.lytx.servlet.internal.bootstrap.BootstrapJson;
import io.lytx.servlet.internal.bootstrap.BootstrapText;
import io.lytx.servlet.internal.preview.Personalization;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;

/**
 * The bootstrap a page or the profile endpoint sends the browser: its text for a decided page, with
 * the request's first-party endpoint URLs, the helper script's URL and the consent value. Shared by
 * {@link TemplateSupport} (pages) and {@link ProfileEndpoint} (cached pages asking later), which
 * therefore write the same contract. Thread-safe; never blocks beyond what reading the profile takes.
 */
final class PageBootstrap {

    private final FirstPartySettings settings;
    private final HelperScript helper;
    private final ConsentState consent;
    private final BootstrapText text;
    /** Racy by design: any thread's value is right for its context path, which is checked on use. */
    private volatile ContextPaths lastPaths;

    /**
     * @param settings the first-party settings, never null
     * @param helper   the helper script shipped in the jar, or null when the jar has none
     * @param consent  the consent rule of the plugin, or null when the plugin is not running
     */
    PageBootstrap(FirstPartySettings settings, HelperScript helper, ConsentState consent) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.helper = helper;
        this.consent = consent;
        this.text = new BootstrapText(settings.bootstrap());
    }

    /** The helper shipped in the jar, or null when the jar has none. */
    HelperScript helper() {
        return helper;
    }

    /**
     * The bootstrap text of a decided page (script-safe JSON).
     *
     * @param p       the page's personalization, never null
     * @param req     the request (endpoints, consent), never null
     * @param counted whether the server counted this page view
     */
    String text(Personalization p, HttpServletRequest req, boolean counted) {
        return text.of(p, endpoints(req), counted, consent(req));
    }

    /** The consent value of the bootstrap for a request ({@code pending} when the plugin is not running). */
    String consent(HttpServletRequest req) {
        return consent == null ? "pending" : consent.of(req);
    }

    /** The endpoint URLs of a request (context path included). */
    BootstrapJson.Endpoints endpoints(HttpServletRequest req) {
        return paths(req).endpoints();
    }

    /** URL of the helper script (versioned when the jar has it). */
    String helperUrl(HttpServletRequest req) {
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
}
