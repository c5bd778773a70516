package io.lytx.servlet.preview;

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

    /** Preview off. */
    public static PreviewSettings disabled() {
        return new PreviewSettings(false, null);
    }
}
