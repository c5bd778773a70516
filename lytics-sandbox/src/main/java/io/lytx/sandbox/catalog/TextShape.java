package io.lytx.sandbox.catalog;

/**
 * Recognizes the shapes of text values that {@link TypeInference} types: integers, decimals and
 * ISO dates. Hand-written scans: they run for every text field of every collected event, where
 * regular expressions cost more than the rest of the bookkeeping. ASCII digits only. Stateless and
 * thread-safe.
 */
final class TextShape {

    /** The most digits an {@code int} may have (a {@code long}'s safe width). */
    private static final int MAX_INT_DIGITS = 18;

    private TextShape() {
    }

    /** {@code -?[0-9]{1,18}}. */
    static boolean isInteger(String s) {
        int start = s.startsWith("-") ? 1 : 0;
        int digits = digitsFrom(s, start);
        return digits >= 1 && digits <= MAX_INT_DIGITS && start + digits == s.length();
    }

    /** {@code -?[0-9]+\.[0-9]+}. */
    static boolean isDecimal(String s) {
        int start = s.startsWith("-") ? 1 : 0;
        int whole = digitsFrom(s, start);
        int dot = start + whole;
        if (whole == 0 || dot >= s.length() || s.charAt(dot) != '.') {
            return false;
        }
        int fraction = digitsFrom(s, dot + 1);
        return fraction >= 1 && dot + 1 + fraction == s.length();
    }

    /**
     * {@code [0-9]{4}-[0-9]{2}-[0-9]{2}}, then nothing, or {@code T} or a space and anything but a
     * line terminator (what the regular expression {@code ([T ].*)?} accepted).
     */
    static boolean isIsoDateLike(String s) {
        if (s.length() < 10 || digitsFrom(s, 0) < 4 || s.charAt(4) != '-' || digitsFrom(s, 5) < 2
                || s.charAt(7) != '-' || digitsFrom(s, 8) < 2) {
            return false;
        }
        if (s.length() == 10) {
            return true;
        }
        if (s.charAt(10) != 'T' && s.charAt(10) != ' ') {
            return false;
        }
        for (int i = 11; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return true;
    }

    /** How many ASCII digits follow {@code from}. */
    private static int digitsFrom(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i - from;
    }
}
