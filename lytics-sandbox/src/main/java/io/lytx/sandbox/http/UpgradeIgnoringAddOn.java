package io.lytx.sandbox.http;

import java.io.IOException;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.FilterChainEvent;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpEvents;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.util.Header;

/**
 * Makes Grizzly answer HTTP/1.1 requests that offer a protocol upgrade (such as the
 * {@code Upgrade: h2c} that {@code java.net.http.HttpClient} sends by default) as plain HTTP/1.1,
 * as RFC 9110 §7.8 allows. Without it, Grizzly stops decoding the body of such a request when no
 * upgrade handler is installed, and the request hangs. The sandbox has no upgrade handler, so
 * every offer is declined. Stateless and thread-safe.
 */
public final class UpgradeIgnoringAddOn implements AddOn {

    @Override
    public void setup(NetworkListener networkListener, FilterChainBuilder builder) {
        int codec = builder.indexOfType(org.glassfish.grizzly.http.HttpServerFilter.class);
        if (codec < 0) {
            throw new IllegalStateException("no HTTP codec filter in the Grizzly filter chain");
        }
        builder.add(codec + 1, new DeclineUpgradeFilter());
    }

    /** Clears the upgrade offer from the request header as soon as the codec reports it. */
    private static final class DeclineUpgradeFilter extends BaseFilter {
        @Override
        public NextAction handleEvent(FilterChainContext ctx, FilterChainEvent event) throws IOException {
            if (event.type() == HttpEvents.IncomingHttpUpgradeEvent.TYPE) {
                HttpHeader header = ((HttpEvents.IncomingHttpUpgradeEvent) event).getHttpHeader();
                header.setIgnoreContentModifiers(false);
                header.getUpgradeDC().recycle();
                header.getHeaders().removeHeader(Header.Upgrade);
                return ctx.getStopAction();
            }
            return ctx.getInvokeAction();
        }
    }
}
