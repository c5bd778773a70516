package io.lytx.client.internal;

import io.lytx.client.LyticsClient;
import java.util.Objects;
import java.util.function.Function;

/**
 * The way from a {@link LyticsClient.Internals} (an opaque token that only a client makes) to the
 * client's {@link ApiCalls}, for the API families in other packages. {@code LyticsClient} installs the
 * accessor once, when its class is initialized, which happens before any token exists. Thread-safe.
 */
public final class ClientAccess {

    private static volatile Function<LyticsClient.Internals, ApiCalls> calls;

    private ClientAccess() {
    }

    /**
     * Sets the accessor; called by {@code LyticsClient} only.
     *
     * @throws IllegalStateException if an accessor is set already
     */
    public static synchronized void install(Function<LyticsClient.Internals, ApiCalls> accessor) {
        if (calls != null) {
            throw new IllegalStateException("already installed");
        }
        calls = Objects.requireNonNull(accessor, "accessor");
    }

    /** The calls of the client that made {@code internals}; never null. */
    public static ApiCalls calls(LyticsClient.Internals internals) {
        return calls.apply(Objects.requireNonNull(internals, "internals"));
    }
}
