package io.lytx.servlet.internal.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
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
 *
 * <p>Cost: each thread keeps its own {@link Mac} (a clone of one initialized with the key, made on
 * the thread's first use and reset by every computation) and the buffers the MAC and its text are
 * written to, so a check allocates only the UTF-8 bytes of its inputs. On a thread that checks once
 * and ends (a virtual thread per request), that clone is made per request, which is what every
 * check cost before. The clone and the buffers are JDK types only: a container thread that outlives
 * the application pins none of its classes.
 */
public final class IdentityBinding {

    private static final String ALGORITHM = "HmacSHA256";
    private static final String VERSION = "1.";
    private static final int MAC_BYTES = 16;
    /** Base64url characters of {@value #MAC_BYTES} bytes without padding. */
    private static final int TEXT_CHARS = 22;
    private static final Base64.Encoder TEXT = Base64.getUrlEncoder().withoutPadding();
    /** Longest marker text accepted (anything longer is not ours and is not examined). */
    static final int MAX_LENGTH = 64;
    /** Indexes of a thread's buffers: the whole MAC, its first {@value #MAC_BYTES} bytes, their text. */
    private static final int DIGEST = 0;
    private static final int TRUNCATED = 1;
    private static final int TEXT_OUT = 2;

    /** Initialized with the key; never used itself, only cloned, once per thread. */
    private final Mac prototype;
    /** This thread's clone of {@link #prototype}; every {@code doFinal} leaves it reset for the next use. */
    private final ThreadLocal<Mac> macs;
    /**
     * This thread's buffers of one computation: {@link #DIGEST}, {@link #TRUNCATED}, {@link #TEXT_OUT}.
     * Arrays, not a class of ours, so that a container thread that outlives the application keeps
     * none of its classes.
     */
    private final ThreadLocal<byte[][]> buffers;

    private IdentityBinding(byte[] key) {
        this.prototype = initializedMac(key);
        this.macs = ThreadLocal.withInitial(this::cloneOfPrototype);
        int digestBytes = prototype.getMacLength();
        this.buffers = ThreadLocal.withInitial(() -> new byte[][] {
            new byte[digestBytes], new byte[MAC_BYTES], new byte[TEXT_CHARS]});
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
        return new IdentityBinding(initializedMac(secret.getBytes(StandardCharsets.UTF_8))
                .doFinal("lytx identity binding v1".getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The marker binding a visitor id to a known identity, or to nobody.
     *
     * @param visitorId  a valid visitor id, never null
     * @param knownField the identity field of the known user, or null for an anonymous visitor
     * @param knownValue the identity value, or null (exactly when {@code knownField} is)
     */
    public String marker(String visitorId, String knownField, String knownValue) {
        return VERSION + new String(macText(visitorId, knownField, knownValue), StandardCharsets.US_ASCII);
    }

    /**
     * Whether {@code marker} binds {@code visitorId} to exactly this identity: whether it is the very
     * text {@link #marker} gives for them (compared in constant time; only the length and the version
     * prefix, which are public, are looked at first).
     *
     * @param marker the cookie value, may be null (false)
     */
    public boolean binds(String marker, String visitorId, String knownField, String knownValue) {
        if (marker == null || marker.length() != VERSION.length() + TEXT_CHARS || !marker.startsWith(VERSION)) {
            return false;
        }
        byte[] expected = macText(visitorId, knownField, knownValue);
        int difference = 0;
        for (int i = 0; i < TEXT_CHARS; i++) {
            difference |= expected[i] ^ marker.charAt(VERSION.length() + i);
        }
        return difference == 0;
    }

    /**
     * The base64url text (without the version) of the first {@value #MAC_BYTES} bytes of the MAC of
     * the UTF-8 bytes of {@code visitorId NUL knownField NUL knownValue} (or of {@code visitorId NUL}
     * for nobody): the same bytes as the UTF-8 form of that text joined into one string, as markers
     * have always been made. The array returned is this thread's buffer: read it before the thread's
     * next computation.
     */
    private byte[] macText(String visitorId, String knownField, String knownValue) {
        Objects.requireNonNull(visitorId, "visitorId");
        Mac mac = macs.get();
        byte[][] b = buffers.get();
        mac.reset(); // a no-op after doFinal; clears a computation an Error may have cut short on this thread
        mac.update(visitorId.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        if (knownField != null) {
            mac.update(knownField.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(String.valueOf(knownValue).getBytes(StandardCharsets.UTF_8));
        }
        try {
            mac.doFinal(b[DIGEST], 0);
        } catch (ShortBufferException e) {
            throw new IllegalStateException("the MAC is longer than its provider said", e);
        }
        System.arraycopy(b[DIGEST], 0, b[TRUNCATED], 0, MAC_BYTES);
        TEXT.encode(b[TRUNCATED], b[TEXT_OUT]);
        return b[TEXT_OUT];
    }

    private Mac cloneOfPrototype() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the HmacSHA256 provider cannot clone its state", e);
        }
    }

    private static Mac initializedMac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
