package io.lytx.servlet.it;

import io.lytx.sandbox.LyticsSandbox;
import io.lytx.sandbox.SandboxOptions;

/**
 * One Lytics sandbox for the whole test JVM, on 127.0.0.1 and a free port. It must outlive every
 * deployment (undeploy flushes events into it), so it is stopped by a shutdown hook rather than by
 * a test class.
 */
final class SharedSandbox {

    private static LyticsSandbox sandbox;

    private SharedSandbox() {
    }

    static synchronized LyticsSandbox get() {
        if (sandbox == null) {
            LyticsSandbox started = LyticsSandbox.start(SandboxOptions.defaults().withHost("127.0.0.1").withPort(0));
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "sandbox-stop"));
            sandbox = started;
        }
        return sandbox;
    }
}
