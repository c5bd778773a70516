package io.lytx.servlet.internal.preview;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A segment condition of a template: a list of slugs and how they combine ({@link Match#ANY},
 * {@link Match#ALL}, {@link Match#NONE}). The text form is the one of the JS helper's
 * {@code data-lytics-segment}: {@code "vip, gold"} (any), {@code "any:vip,gold"},
 * {@code "all:vip,known_users"}, {@code "none:vip"}; slugs are separated by commas or spaces.
 *
 * <p>An empty list matches nothing under ANY and ALL. NONE is false when the profile is unavailable
 * (an unanswered profile proves nothing), so fallback content is written with an "otherwise" branch.
 * Immutable and thread-safe.
 *
 * @param slugs the slugs, trimmed, non-empty
 * @param match how they combine
 */
public record SegmentCondition(List<String> slugs, Match match) {

    /** How the slugs combine. */
    public enum Match {
        /** at least one */
        ANY,
        /** every one (false for an empty list) */
        ALL,
        /** none of them (false when the profile is unavailable) */
        NONE;

        /**
         * Parses {@code any}, {@code all} or {@code none} (case-insensitive); null or blank gives ANY.
         *
         * @throws IllegalArgumentException for any other value (the message names it)
         */
        public static Match parse(String text) {
            if (text == null || text.isBlank()) {
                return ANY;
            }
            return switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "any" -> ANY;
                case "all" -> ALL;
                case "none" -> NONE;
                default -> throw new IllegalArgumentException("match must be any, all or none: '" + text + "'");
            };
        }
    }

    /** @throws NullPointerException if an argument is null */
    public SegmentCondition {
        slugs = List.copyOf(slugs);
        Objects.requireNonNull(match, "match");
    }

    /**
     * Parses a condition; a {@code any:}/{@code all:}/{@code none:} prefix in the text wins over {@code match}.
     *
     * @param text  the slug list, possibly prefixed; null gives an empty list
     * @param match the combination when the text has no prefix, never null
     */
    public static SegmentCondition parse(String text, Match match) {
        Objects.requireNonNull(match, "match");
        if (text != null && isSingleSlug(text)) { // the common case, e.g. in="known_users": nothing to split
            return new SegmentCondition(List.of(text), match);
        }
        String t = text == null ? "" : text.strip();
        Match m = match;
        int colon = t.indexOf(':');
        if (colon > 0) {
            String prefix = t.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            if (prefix.equals("any") || prefix.equals("all") || prefix.equals("none")) {
                m = Match.parse(prefix);
                t = t.substring(colon + 1);
            }
        }
        return new SegmentCondition(split(t), m);
    }

    /** Splits a comma- or space-separated list, dropping empty entries. */
    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        int start = -1; // start of the entry being read, -1 between entries
        for (int i = 0; i <= text.length(); i++) {
            boolean separator = i == text.length() || isSeparator(text.charAt(i));
            if (!separator && start < 0) {
                start = i;
            } else if (separator && start >= 0) {
                String slug = text.substring(start, i);
                if (!out.contains(slug)) {
                    out.add(slug);
                }
                start = -1;
            }
        }
        return out;
    }

    /** Whether the text is one slug as it stands: not empty, no prefix, no separator. */
    private static boolean isSingleSlug(String text) {
        int n = text.length();
        if (n == 0) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == ':' || isSeparator(c) || Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    /** A comma, or white space as regular expressions' {@code \\s} means it (space, tab, line breaks, VT, FF). */
    private static boolean isSeparator(char c) {
        return c == ',' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
    }

    /**
     * Whether the visitor's segments satisfy the condition.
     *
     * @param segments    the visitor's segment slugs, never null
     * @param unavailable whether the profile is unavailable (then NONE is false)
     */
    public boolean test(Collection<String> segments, boolean unavailable) {
        return switch (match) {
            case ANY -> anyIn(segments);
            case ALL -> !slugs.isEmpty() && segments.containsAll(slugs);
            case NONE -> !unavailable && !anyIn(segments);
        };
    }

    private boolean anyIn(Collection<String> segments) {
        for (String slug : slugs) { // a plain loop: templates test several conditions on every page
            if (segments.contains(slug)) {
                return true;
            }
        }
        return false;
    }

    /** The text form, e.g. {@code all:vip,gold}. */
    @Override
    public String toString() {
        return match.name().toLowerCase(Locale.ROOT) + ":" + String.join(",", slugs);
    }
}
