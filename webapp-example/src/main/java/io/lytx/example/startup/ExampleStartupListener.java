package io.lytx.example.startup;

import io.lytx.client.LyticsClient;
import io.lytx.client.LyticsClientBuilder;
import io.lytx.example.content.ArticleCatalog;
import io.lytx.example.content.FeaturedArticles;
import io.lytx.example.content.Links;
import io.lytx.example.content.SiteTopics;
import io.lytx.example.visits.VisitLog;
import io.lytx.sandbox.LyticsSandbox;
import io.lytx.sandbox.SandboxOptions;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.time.Duration;
import java.util.Optional;

/**
 * The example's start-up: decides which Lytics the site talks to and publishes the example's own
 * services. Declared first in {@code web.xml}, so it runs before the library's listener (which the
 * library's web fragment orders after the application's) and is destroyed after it.
 *
 * <p>With {@code LYTICS_API_URL} (or {@code -Dlytics.api.url}) set, nothing is changed: the library
 * reads that configuration itself. Without it, an embedded {@link LyticsSandbox} with demo data is
 * started on a free loopback port, and its URL, admin token and account id are handed to the library
 * through its normal configuration (the context parameters {@code lytics.api.url},
 * {@code lytics.api.token}, {@code lytics.account.id}). The console says which one is used.
 *
 * <p>Called by the container on one thread; {@code contextInitialized} blocks while the sandbox starts.
 */
public class ExampleStartupListener implements ServletContextListener {

    private static final System.Logger LOG = System.getLogger(ExampleStartupListener.class.getName());

    private LyticsSandbox sandbox;
    private LyticsClient client;

    /** For the container. */
    public ExampleStartupListener() {
        // state is created in contextInitialized
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        try {
            start(event.getServletContext());
        } catch (RuntimeException e) {
            contextDestroyed(event); // stop what was started before failing the deployment
            throw e;
        }
    }

    private void start(ServletContext context) {
        Optional<LyticsConnection> external = LyticsConnection.configured(System::getProperty, System::getenv);
        LyticsConnection connection;
        if (external.isPresent()) {
            connection = external.get();
            LOG.log(System.Logger.Level.INFO, "webapp-example: using the Lytics API at " + connection.baseUri()
                    + " (LYTICS_API_URL)");
        } else {
            sandbox = LyticsSandbox.start(SandboxOptions.defaults());
            connection = new LyticsConnection(sandbox.baseUri(), sandbox.adminToken(), sandbox.accountId());
            context.setInitParameter(LyticsConnection.API_URL, connection.baseUri().toString());
            context.setInitParameter(LyticsConnection.API_TOKEN, connection.token());
            context.setInitParameter(LyticsConnection.ACCOUNT_ID, connection.accountId());
            LOG.log(System.Logger.Level.INFO, "webapp-example: LYTICS_API_URL is not set, so the embedded Lytics "
                    + "sandbox (demo data) was started; it listens on " + connection.baseUri()
                    + " and the plugin is pointed at it. Set LYTICS_API_URL and LYTICS_API_TOKEN to use a real Lytics.");
        }
        LyticsClientBuilder builder = LyticsClient.builder().baseUri(connection.baseUri()).token(connection.token())
                .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(5));
        if (connection.accountId() != null) {
            builder.accountId(connection.accountId());
        }
        client = builder.build();
        ArticleCatalog catalog = new ArticleCatalog(client.content());
        context.setAttribute(ArticleCatalog.ATTRIBUTE, catalog);
        context.setAttribute(SiteTopics.ATTRIBUTE, new SiteTopics(catalog));
        context.setAttribute(FeaturedArticles.ATTRIBUTE, new FeaturedArticles(catalog));
        context.setAttribute(Links.ATTRIBUTE, new Links(context.getContextPath()));
        context.setAttribute(VisitLog.ATTRIBUTE, new VisitLog(10_000, 50));
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (client != null) {
            client.close();
            client = null;
        }
        if (sandbox != null) {
            sandbox.close();
            sandbox = null;
            LOG.log(System.Logger.Level.INFO, "webapp-example: embedded Lytics sandbox stopped");
        }
    }
}
