package io.lytx.servlet.internal.web;

import io.lytx.servlet.config.LyticsConfig;
import io.lytx.servlet.internal.bootstrap.BootstrapSettings;
import io.lytx.servlet.internal.preview.PreviewSettings;
import java.util.Objects;
import java.util.Set;

/**
 * The settings of the first-party endpoints, the bootstrap and the preview, taken from the
 * {@link LyticsConfig} (which reads and validates them) (keys {@code lytics.endpoints.*}, {@code lytics.bootstrap.*},
 * {@code lytics.csp.nonce.attribute}, {@code lytics.tag.*}, {@code lytics.preview.*}; see the module
 * README). Immutable and thread-safe.
 *
 * @param enabled        whether the endpoints are served
 * @param basePath       base path inside the web app, e.g. {@code /lytics} (no trailing slash)
 * @param ratePerMinute  browser events accepted per visitor and minute (also the burst)
 * @param extraOrigins   origins allowed to post events besides the page's own ({@code scheme://host[:port]}, lower case)
 * @param trustIdentity  whether identity fields sent by the browser are kept
 * @param identityFields identity fields dropped from browser events when not trusted
 * @param bootstrap      what the bootstrap exposes and how the head is written
 * @param preview        who may preview
 */
public record FirstPartySettings(boolean enabled, String basePath, int ratePerMinute, Set<String> extraOrigins,
                                 boolean trustIdentity, Set<String> identityFields, BootstrapSettings bootstrap,
                                 PreviewSettings preview) {

    /** Largest event body accepted, bytes. */
    public static final int MAX_EVENT_BYTES = 16 * 1024;

    /** @throws NullPointerException if an argument is null */
    public FirstPartySettings {
        Objects.requireNonNull(basePath, "basePath");
        extraOrigins = Set.copyOf(extraOrigins);
        identityFields = Set.copyOf(identityFields);
        Objects.requireNonNull(bootstrap, "bootstrap");
        Objects.requireNonNull(preview, "preview");
    }

    /** The settings of a config with every key at its default. */
    public static FirstPartySettings defaults() {
        return from(LyticsConfig.builder().build());
    }

    /**
     * The settings of a config, which has already read and validated every value.
     *
     * @param config the plugin config, never null
     */
    public static FirstPartySettings from(LyticsConfig config) {
        Objects.requireNonNull(config, "config");
        return new FirstPartySettings(config.endpointsEnabled(), config.endpointsPath(), config.relayRatePerMinute(),
                config.relayOrigins(), false, Set.copyOf(config.relayIdentityFields()), BootstrapSettings.from(config),
                PreviewSettings.from(config));
    }
}
