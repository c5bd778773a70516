package io.lytx.client.testing;

import io.lytx.client.LyticsClient;
import io.lytx.client.LyticsClientBuilder;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension giving each test a fresh {@link StubLyticsServer} and a {@link LyticsClient}
 * pointed at it, and closing both after the test (client first, then server). Register it on an
 * instance field:
 *
 * <pre>{@code
 * @RegisterExtension
 * final StubLyticsExtension lytics = new StubLyticsExtension();
 * ...
 * lytics.server().enqueue(StubResponse.json(200, "{}"));
 * lytics.client().segments().list();
 * }</pre>
 *
 * <p>Not thread-safe as a registration (one instance per test instance, the JUnit default); the
 * server and client it hands out are thread-safe. A test may close the client itself: closing it
 * twice is harmless.
 */
public final class StubLyticsExtension implements BeforeEachCallback, AfterEachCallback {

    private final UnaryOperator<LyticsClientBuilder> settings;
    private StubLyticsServer server;
    private LyticsClient client;

    /** A client with token {@code tok} and otherwise default settings. */
    public StubLyticsExtension() {
        this(builder -> builder.token("tok"));
    }

    /**
     * A client built with the given settings; the base URI is always the stub's.
     *
     * @param settings applies the token and any other settings to the builder; not null
     */
    public StubLyticsExtension(UnaryOperator<LyticsClientBuilder> settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server = StubLyticsServer.start();
        client = settings.apply(LyticsClient.builder().baseUri(server.baseUri())).build();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            if (client != null) {
                client.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    /**
     * The stub of the current test.
     *
     * @return the running stub; never null while a test runs
     * @throws IllegalStateException outside a test
     */
    public StubLyticsServer server() {
        if (server == null) {
            throw new IllegalStateException("the stub runs only during a test");
        }
        return server;
    }

    /**
     * The client of the current test, pointed at {@link #server()}.
     *
     * @return the client; never null while a test runs
     * @throws IllegalStateException outside a test
     */
    public LyticsClient client() {
        if (client == null) {
            throw new IllegalStateException("the client exists only during a test");
        }
        return client;
    }
}
