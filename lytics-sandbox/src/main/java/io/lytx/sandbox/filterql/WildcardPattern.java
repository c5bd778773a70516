package io.lytx.sandbox.filterql;

import java.util.Locale;

/**
 * {@code LIKE} matching: {@code *} matches any run of characters (also none); every other character
 * matches itself, case-insensitively (both sides lower-cased with {@link Locale#ROOT}). The whole
 * text must match, so {@code "gmail"} without stars means equality. The pattern is cut at its stars;
 * the first piece must start the text, the last must end it, and the pieces between are found left
 * to right, each at its leftmost place (which is exact for star-only patterns). No backtracking, no
 * regular expressions. Stateless.
 */
final class WildcardPattern {

    private WildcardPattern() {
    }

    static boolean matches(String pattern, String text) {
        String p = pattern.toLowerCase(Locale.ROOT);
        String t = text.toLowerCase(Locale.ROOT);
        int firstStar = p.indexOf('*');
        if (firstStar < 0) {
            return p.equals(t);
        }
        int lastStar = p.lastIndexOf('*');
        String head = p.substring(0, firstStar);
        String tail = p.substring(lastStar + 1);
        if (t.length() < head.length() + tail.length() || !t.startsWith(head) || !t.endsWith(tail)) {
            return false;
        }
        int from = head.length();
        int limit = t.length() - tail.length();
        int pieceStart = firstStar + 1;
        while (pieceStart <= lastStar) {
            int pieceEnd = p.indexOf('*', pieceStart);
            if (pieceEnd > pieceStart) {
                String piece = p.substring(pieceStart, pieceEnd);
                int at = t.indexOf(piece, from);
                if (at < 0 || at + piece.length() > limit) {
                    return false;
                }
                from = at + piece.length();
            }
            pieceStart = pieceEnd + 1;
        }
        return true;
    }
}
