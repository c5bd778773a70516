package io.lytx.servlet.internal.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The JS helper shipped in the jar ({@value #RESOURCE}), loaded once, with a content-derived
 * versioned file name ({@code lytics-helper.<10 hex of SHA-256>.js}) that can be cached for a year.
 * Immutable and thread-safe.
 */
public final class HelperScript {

    /** Class-path location of the classic helper script. */
    public static final String RESOURCE = "META-INF/resources/lytics/lytics-helper.js";
    /** Unversioned file name. */
    public static final String PLAIN_NAME = "lytics-helper.js";

    private final byte[] body;
    private final String versionedName;
    private final String etag;

    private HelperScript(byte[] body) {
        this.body = body;
        String hash = sha256(body).substring(0, 10);
        this.versionedName = "lytics-helper." + hash + ".js";
        this.etag = "\"" + hash + "\"";
    }

    /**
     * Loads the helper from the class path.
     *
     * @param loader the class loader to search, never null
     * @return the script, or null when the jar does not contain it
     */
    public static HelperScript load(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            return in == null ? null : new HelperScript(in.readAllBytes());
        } catch (IOException e) {
            return null;
        }
    }

    /** A helper with the given content (tests, custom builds). */
    public static HelperScript of(String source) {
        return new HelperScript(source.getBytes(StandardCharsets.UTF_8));
    }

    /** The versioned file name, e.g. {@code lytics-helper.0a1b2c3d4e.js}. */
    public String versionedName() {
        return versionedName;
    }

    /** The strong ETag (quoted). */
    public String etag() {
        return etag;
    }

    /** A copy of the script bytes (UTF-8). */
    public byte[] body() {
        return body.clone();
    }

    int length() {
        return body.length;
    }

    byte[] bytes() {
        return body;
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
