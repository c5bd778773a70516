package io.lytx.sandbox;

import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension running one {@link LyticsSandbox} for a whole test class: started before the
 * class's own {@code @BeforeAll} methods, closed after its {@code @AfterAll} methods. Register it on
 * a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final SandboxExtension running = new SandboxExtension(SandboxOptions.defaults().withDemoData(false));
 * ...
 * running.admin().get("/api/account");
 * }</pre>
 *
 * <p>The sandbox binds 127.0.0.1 on a free port. Thread-safe once started (the tests of a class may
 * run in parallel against it).
 */
public final class SandboxExtension implements BeforeAllCallback, AfterAllCallback {

    private final SandboxOptions options;
    private volatile LyticsSandbox sandbox;
    private volatile SandboxHttp admin;
    private volatile SandboxHttp anonymous;

    /**
     * A sandbox with the given options.
     *
     * @param options how the sandbox starts; not null
     */
    public SandboxExtension(SandboxOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        sandbox = LyticsSandbox.start(options);
        admin = new SandboxHttp(sandbox.baseUri(), sandbox.adminToken());
        anonymous = admin.withToken(null);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    /**
     * The running sandbox.
     *
     * @return the sandbox of the current test class
     * @throws IllegalStateException before the class's tests start
     */
    public LyticsSandbox sandbox() {
        return started(sandbox);
    }

    /**
     * A client sending the sandbox's admin token.
     *
     * @return the admin client
     * @throws IllegalStateException before the class's tests start
     */
    public SandboxHttp admin() {
        return started(admin);
    }

    /**
     * A client sending no token.
     *
     * @return the anonymous client
     * @throws IllegalStateException before the class's tests start
     */
    public SandboxHttp anonymous() {
        return started(anonymous);
    }

    private static <T> T started(T value) {
        if (value == null) {
            throw new IllegalStateException("the sandbox runs only while the test class runs");
        }
        return value;
    }
}
