package io.lytx.sandbox.content;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The document id Lytics derives from a URL: a signed 64-bit hash of the normalized URL, written
 * as decimal text (for example {@code "-4312980011223344556"}).
 *
 * <p>The sandbox uses the first eight bytes of the SHA-256 of the normalized URL, so ids are
 * stable across restarts and machines. Stateless and thread-safe.
 */
public final class UrlHash {

    private UrlHash() {
    }

    /**
     * The id of a URL.
     *
     * @param url any URL; normalized first with {@link UrlNormalizer#normalize}
     * @return the signed 64-bit hash as decimal text
     * @throws IllegalArgumentException when the URL is null or blank
     */
    public static String of(String url) {
        String normalized = UrlNormalizer.normalize(url);
        if (normalized == null) {
            throw new IllegalArgumentException("url must not be blank");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(normalized.getBytes(StandardCharsets.UTF_8));
            return Long.toString(ByteBuffer.wrap(digest, 0, 8).getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
