package io.lytx.servlet.internal.identity;

import java.util.UUID;

/**
 * The visitor ids this plugin accepts from the {@code seerid} cookie, and the ones it mints.
 *
 * <p>Accepted, exactly the three formats the Lytics JS tag has written over the years:
 * <ul>
 *   <li>v1/v2: {@code (1+random)*65536} as decimal text, e.g. {@code 91684.5253390131};</li>
 *   <li>early v3: {@code u_} + up to 20 digits, e.g. {@code u_670591093815502600};</li>
 *   <li>current v3: a UUID version 4 in canonical 8-4-4-4-12 hex form.</li>
 * </ul>
 * Anything else (path characters, encodings, control characters, non-ASCII, oversized values) is
 * rejected, so a value that passes is safe in a URL path segment, a header and a JSON string.
 * Minted ids are random (SecureRandom) UUID v4 in lower case. Stateless and thread-safe.
 */
public final class VisitorIds {

    /** Longest accepted id (a UUID); longer input is rejected without being scanned. */
    public static final int MAX_LENGTH = 36;

    private VisitorIds() {
    }

    /**
     * Whether {@code value} is an accepted visitor id.
     *
     * @param value the raw cookie value; null is not valid
     */
    public static boolean isValid(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        return isLegacyDecimal(value) || isUnderscoreForm(value) || isUuidV4(value);
    }

    /** A fresh random UUID v4, lower case. Never blocks for long (uses the shared SecureRandom). */
    public static String mint() {
        return UUID.randomUUID().toString();
    }

    /** {@code 91684.5253390131}: 5–6 integer digits (65536..131071), a dot, 1–20 fraction digits. */
    static boolean isLegacyDecimal(String v) {
        int dot = v.indexOf('.');
        if (dot < 5 || dot > 6 || dot == v.length() - 1 || v.length() - dot - 1 > 20) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            if (i != dot && !isDigit(v.charAt(i))) {
                return false;
            }
        }
        if (v.charAt(0) == '0') {
            return false;
        }
        int whole = Integer.parseInt(v, 0, dot, 10);
        return whole >= 65_536 && whole < 131_072;
    }

    /** {@code u_670591093815502600}: {@code u_} and 1–20 digits. */
    static boolean isUnderscoreForm(String v) {
        if (v.length() < 3 || v.length() > 22 || v.charAt(0) != 'u' || v.charAt(1) != '_') {
            return false;
        }
        for (int i = 2; i < v.length(); i++) {
            if (!isDigit(v.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Canonical UUID version 4 (variant 10xx), hex in either case. */
    static boolean isUuidV4(String v) {
        if (v.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = v.charAt(i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') {
                    return false;
                }
            } else if (!isHex(c)) {
                return false;
            }
        }
        char variant = Character.toLowerCase(v.charAt(19));
        return v.charAt(14) == '4' && (variant == '8' || variant == '9' || variant == 'a' || variant == 'b');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
