package io.lytx.spring.boot.site;

import io.lytx.sandbox.LyticsSandbox;
import io.lytx.sandbox.SandboxOptions;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One embedded Lytics sandbox (demo data, loopback, free port) for every test of this JVM, started on
 * first use and stopped when the JVM exits. Tests keep their data apart with fresh visitor ids.
 */
public final class SharedSandbox {

    private static LyticsSandbox sandbox;

    private SharedSandbox() {
    }

    /** The sandbox, started on the first call. */
    public static synchronized LyticsSandbox get() {
        if (sandbox == null) {
            LyticsSandbox started = LyticsSandbox.start(SandboxOptions.defaults().withHost("127.0.0.1").withPort(0));
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "sandbox-stop"));
            sandbox = started;
        }
        return sandbox;
    }

    /** Points the starter at the sandbox: {@code lytics.api-url}, {@code lytics.api-token}, {@code lytics.account-id}. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("lytics.api-url", () -> get().baseUri().toString());
        registry.add("lytics.api-token", () -> get().adminToken());
        registry.add("lytics.account-id", () -> get().accountId());
    }
}
