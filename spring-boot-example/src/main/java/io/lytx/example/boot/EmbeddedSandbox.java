package io.lytx.example.boot;

import io.lytx.sandbox.LyticsSandbox;
import io.lytx.sandbox.SandboxOptions;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * When no Lytics is configured ({@code lytics.api-url}, e.g. {@code LYTICS_API_URL}), starts the embedded
 * Lytics sandbox with its demo data on a free loopback port and points the starter at it through ordinary
 * properties of the lowest rank ({@code lytics.api-url}, {@code lytics.api-token}, {@code lytics.account-id}).
 * The sandbox is a bean closed with the context, after the web server has flushed the plugin's events.
 */
final class EmbeddedSandbox implements ApplicationContextInitializer<GenericApplicationContext> {

    private static final System.Logger LOG = System.getLogger(EmbeddedSandbox.class.getName());

    @Override
    public void initialize(GenericApplicationContext context) {
        ConfigurableEnvironment env = context.getEnvironment();
        if (env.containsProperty("lytics.api-url")) {
            LOG.log(System.Logger.Level.INFO, "spring-boot-example: using the Lytics API at "
                    + env.getProperty("lytics.api-url") + " (LYTICS_API_URL)");
            return;
        }
        LyticsSandbox sandbox = LyticsSandbox.start(SandboxOptions.defaults().withHost("127.0.0.1").withPort(0));
        env.getPropertySources().addLast(new MapPropertySource("embedded Lytics sandbox", Map.of(
                "lytics.api-url", sandbox.baseUri().toString(),
                "lytics.api-token", sandbox.adminToken(),
                "lytics.account-id", sandbox.accountId())));
        context.registerBean("lyticsSandbox", LyticsSandbox.class, () -> sandbox,
                definition -> definition.setDestroyMethodName("close"));
        LOG.log(System.Logger.Level.INFO, "spring-boot-example: LYTICS_API_URL is not set, so the embedded Lytics"
                + " sandbox (demo data) was started at " + sandbox.baseUri() + " and the starter points at it."
                + " Set LYTICS_API_URL and LYTICS_API_TOKEN to use a real Lytics.");
    }
}
