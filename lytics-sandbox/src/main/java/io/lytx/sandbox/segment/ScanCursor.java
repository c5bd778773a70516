package io.lytx.sandbox.segment;

import io.lytx.sandbox.http.ApiError;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque {@code _next} cursor of segment scans: the scan position of the last profile
 * returned, encoded as URL-safe base64 text. Profiles created after the scan started appear in
 * later pages; a profile is never returned twice by one scan. Stateless and thread-safe.
 */
public final class ScanCursor {

    private static final String PREFIX = "scan:";

    private ScanCursor() {
    }

    /**
     * Encodes a position.
     *
     * @param seq the scan position of the last profile returned
     * @return the cursor text
     */
    public static String encode(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + seq).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Decodes a cursor.
     *
     * @param cursor a cursor from {@link #encode}; null or blank means the start (0)
     * @return the position
     * @throws ApiError 400 when the cursor was not produced by {@link #encode}
     */
    public static long decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                long seq = Long.parseLong(text.substring(PREFIX.length()));
                if (seq >= 0) {
                    return seq;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below (NumberFormatException is an IllegalArgumentException)
        }
        throw new ApiError(400, "invalid scan cursor in parameter start: '" + cursor + "'");
    }
}
