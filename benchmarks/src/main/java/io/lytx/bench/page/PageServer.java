package io.lytx.bench.page;

import io.lytx.servlet.LyticsFilter;
import io.lytx.servlet.internal.runtime.LyticsRuntime;
import io.lytx.servlet.internal.web.TemplateSupport;
import jakarta.servlet.DispatcherType;
import java.io.IOException;
import java.net.URI;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * An embedded Jetty 12 (ee10) on 127.0.0.1 serving {@link PageServlet} behind the real
 * {@link LyticsFilter}, with the plugin enabled or disabled ({@code lytics.enabled=false}): the same
 * server build either way. Not thread-safe; {@link #close()} stops it.
 */
final class PageServer implements AutoCloseable {

    private final Server server;
    private final ServerConnector connector;
    private final ServletContextHandler context;

    PageServer(boolean pluginOn, URI upstream, Map<String, String> extra) throws Exception {
        server = new Server(new QueuedThreadPool(64, 8));
        connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        context = new ServletContextHandler();
        context.setContextPath("/");
        FilterHolder filter = new FilterHolder(new LyticsFilter());
        filter.setName(LyticsFilter.NAME);
        filter.setAsyncSupported(true);
        filter.setInitParameter("lytics.enabled", Boolean.toString(pluginOn));
        filter.setInitParameter("lytics.api.url", upstream.toString());
        filter.setInitParameter("lytics.api.token", "bench-token");
        filter.setInitParameter("lytics.jmx.enabled", "false");
        extra.forEach(filter::setInitParameter);
        context.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new PageServlet()), "/*");
        server.setHandler(context);
        server.start();
    }

    /** @return {@code http://127.0.0.1:<port>/articles/green-tea} */
    URI pageUri() {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/articles/green-tea");
    }

    /** @return the plugin's runtime, or null when it is disabled */
    LyticsRuntime runtime() {
        Object fp = context.getServletContext().getAttribute(TemplateSupport.ATTRIBUTE);
        LyticsRuntime r = fp instanceof TemplateSupport f ? f.runtime() : null;
        return r != null && r.active() ? r : null;
    }

    @Override
    public void close() throws IOException {
        try {
            server.stop();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping Jetty", e);
        } catch (Exception e) {
            throw new IOException("stopping Jetty failed", e);
        }
    }
}
