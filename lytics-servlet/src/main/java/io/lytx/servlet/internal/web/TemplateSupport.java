package io.lytx.servlet.internal.web;

import io.lytx.servlet.LyticsContext;
import io.lytx.servlet.internal.bootstrap.BootstrapJson;
import io.lytx.servlet.internal.bootstrap.HeadMarkup;
import io.lytx.servlet.internal.preview.Personalization;
import io.lytx.servlet.internal.runtime.LyticsRuntime;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Objects;

/**
 * What the JSP tags and the Thymeleaf dialect share in one deployment: a request's personalization
 * (with an editor's preview applied) and the head markup of a page (bootstrap, helper script, tag
 * loader). Published as the servlet-context attribute named by {@link #ATTRIBUTE} (this class's name);
 * the {@link io.lytx.servlet.LyticsFilter} installs it, templates find it with {@link #of}.
 * Thread-safe.
 */
public final class TemplateSupport {

    /** Servlet-context attribute holding the instance. */
    public static final String ATTRIBUTE = TemplateSupport.class.getName();

    private final FirstPartySettings settings;
    private final LyticsRuntime runtime;
    private final PageBootstrap bootstrap;

    private TemplateSupport(FirstPartySettings settings, LyticsRuntime runtime) {
        this.settings = settings;
        this.runtime = runtime;
        this.bootstrap = new PageBootstrap(settings, HelperScript.load(TemplateSupport.class.getClassLoader()),
                runtime == null ? null : new ConsentState(runtime.config()));
    }

    /**
     * Builds the deployment's instance from the runtime's config and publishes it in the context.
     *
     * @param context the servlet context, never null
     * @param runtime the runtime, never null
     * @throws IllegalArgumentException when a setting is invalid (the message names the key)
     */
    public static TemplateSupport install(ServletContext context, LyticsRuntime runtime) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(runtime, "runtime");
        TemplateSupport support = new TemplateSupport(FirstPartySettings.from(runtime.config()), runtime);
        context.setAttribute(ATTRIBUTE, support);
        return support;
    }

    /**
     * The instance of a web application: the installed one, else one built from the published runtime
     * (or from defaults when there is none; its pages then get no visitor data). Never null.
     *
     * @param context the servlet context, never null
     */
    public static TemplateSupport of(ServletContext context) {
        Objects.requireNonNull(context, "context");
        Object existing = context.getAttribute(ATTRIBUTE);
        if (existing instanceof TemplateSupport support) {
            return support;
        }
        Object r = context.getAttribute(LyticsRuntime.CONTEXT_ATTRIBUTE);
        LyticsRuntime runtime = r instanceof LyticsRuntime lr ? lr : null;
        FirstPartySettings settings = runtime == null ? FirstPartySettings.defaults() : FirstPartySettings.from(runtime.config());
        TemplateSupport support = new TemplateSupport(settings, runtime);
        context.setAttribute(ATTRIBUTE, support);
        return support;
    }

    /** The settings. */
    public FirstPartySettings settings() {
        return settings;
    }

    /** The runtime, or null when the plugin is not running in this application. */
    public LyticsRuntime runtime() {
        return runtime;
    }

    /** The bootstrap writer, shared with the profile endpoint. */
    PageBootstrap bootstrap() {
        return bootstrap;
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
     * tag loader. Reads the profile, waiting at most the request's budget (not for deferred pages).
     *
     * @param req     the request, never null
     * @param res     the response (for the preview cookie), or null
     * @param options what the page asks for, never null
     */
    public String head(HttpServletRequest req, HttpServletResponse res, HeadOptions options) {
        Objects.requireNonNull(req, "req");
        Objects.requireNonNull(options, "options");
        boolean loadTag = options.loadTag() != null ? options.loadTag() : settings.bootstrap().tagLoader();
        String tagSrc = loadTag ? settings.bootstrap().tagSrc() : null;
        String n = nonce(req, options.nonce());
        String cookie = settings.bootstrap().cookieName();
        if (options.deferred()) {
            String deferredText = BootstrapJson.deferredText(bootstrap.endpoints(req), cookie);
            return HeadMarkup.render(deferredText, bootstrap.helperUrl(req), n, options.timeoutMs(), tagSrc, cookie);
        }
        Personalization p = personalization(req, res);
        if (options.recommendations() > 0) {
            p.recommendations(options.recommendations(), null);
        }
        LyticsContext context = p.context();
        boolean counted = context.isActive() && runtime != null && runtime.collector() != null;
        String text = bootstrap.text(p, req, counted);
        return HeadMarkup.render(text, bootstrap.helperUrl(req), n, options.timeoutMs(), tagSrc, cookie);
    }
}
