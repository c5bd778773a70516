package io.lytx.servlet.internal.preview;

import io.lytx.servlet.config.LyticsConfig;

/**
 * Whether editors may force segments with {@code ?lytics_preview=...}, and who. Immutable.
 *
 * @param enabled whether preview is possible at all
 * @param role    the container role the user must have ({@code request.isUserInRole}); null = nobody
 *                (the configuration requires a role whenever preview is enabled)
 */
public record PreviewSettings(boolean enabled, String role) {

    /** Query parameter that sets (or, empty or {@code off}, clears) the preview. */
    public static final String PARAMETER = "lytics_preview";
    /** Cookie remembering the preview (session cookie, path {@code /}, HttpOnly). */
    public static final String COOKIE = "lytics_preview";

    /**
     * The settings of a config, which has already read and validated them (a role is required
     * whenever preview is enabled).
     *
     * @param config the plugin config, never null
     */
    public static PreviewSettings from(LyticsConfig config) {
        return new PreviewSettings(config.previewEnabled(), config.previewRole().orElse(null));
    }

    /** Preview off. */
    public static PreviewSettings disabled() {
        return new PreviewSettings(false, null);
    }
}
