package io.lytx.servlet.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The marker that says to whom a visitor id belongs: an HMAC-SHA-256 of the visitor id and the known
 * identity it was last used with (or "nobody" for an anonymous visitor), kept by the browser in the
 * companion cookie next to {@code seerid}. The server stores nothing: any node that has the same key
 * (derived from the API token, which every node of a site shares) can check a marker.
 *
 * <p>The marker cannot be read back (it does not show the e-mail) nor made without the key (a
 * browser cannot claim that an id belongs to someone). Text form {@code 1.} + 22 base64url
 * characters (128 bits of the MAC). Immutable and thread-safe; never blocks.
 */
public final class IdentityBinding {

    private static final String ALGORITHM = "HmacSHA256";
    private static final String VERSION = "1.";
    private static final int MAC_BYTES = 16;
    /** Longest marker text accepted (anything longer is not ours and is not examined). */
    static final int MAX_LENGTH = 64;

    private final Mac prototype;

    private IdentityBinding(byte[] key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            this.prototype = mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /**
     * The binding of a deployment whose nodes share {@code secret} (the API token): the key is
     * HMAC-SHA-256(secret, "lytx identity binding v1"), so the token itself is never used as a key.
     *
     * @param secret the shared secret, never null or empty
     * @throws IllegalArgumentException if {@code secret} is empty
     */
    public static IdentityBinding derivedFrom(String secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("secret is empty");
        }
        return new IdentityBinding(new IdentityBinding(secret.getBytes(StandardCharsets.UTF_8))
                .mac("lytx identity binding v1"));
    }

    /**
     * The marker binding a visitor id to a known identity, or to nobody.
     *
     * @param visitorId  a valid visitor id, never null
     * @param knownField the identity field of the known user, or null for an anonymous visitor
     * @param knownValue the identity value, or null (exactly when {@code knownField} is)
     */
    public String marker(String visitorId, String knownField, String knownValue) {
        Objects.requireNonNull(visitorId, "visitorId");
        byte[] full = mac(visitorId + '\u0000' + (knownField == null ? "" : knownField + '\u0000' + knownValue));
        byte[] cut = java.util.Arrays.copyOf(full, MAC_BYTES);
        return VERSION + Base64.getUrlEncoder().withoutPadding().encodeToString(cut);
    }

    /**
     * Whether {@code marker} binds {@code visitorId} to exactly this identity (compared in constant time).
     *
     * @param marker the cookie value, may be null (false)
     */
    public boolean binds(String marker, String visitorId, String knownField, String knownValue) {
        if (marker == null || marker.length() > MAX_LENGTH) {
            return false;
        }
        return MessageDigest.isEqual(marker.getBytes(StandardCharsets.US_ASCII),
                marker(visitorId, knownField, knownValue).getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] mac(String text) {
        Mac mac;
        try {
            mac = (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the HmacSHA256 provider cannot clone its state", e);
        }
        return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    }
}
