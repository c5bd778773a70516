package io.lytx.servlet.internal.preview;

import io.lytx.servlet.ProfileStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A preview an editor asked for: forced segments and status, or "show all variants". Text form (query
 * parameter {@value PreviewSettings#PARAMETER} and its cookie): a comma list of segment slugs, where
 * the words {@code known}, {@code new} and {@code unavailable} force the status instead (default
 * {@code known} when only segments are given), and {@code *} alone means "show all variants".
 * Immutable.
 *
 * @param segments the forced segments
 * @param status   the forced status
 * @param showAll  whether every branch of every condition is rendered, marked
 */
public record Preview(List<String> segments, ProfileStatus status, boolean showAll) {

    /** Longest preview text accepted. */
    static final int MAX_TEXT = 512;
    private static final java.util.regex.Pattern SLUG = java.util.regex.Pattern.compile("[A-Za-z0-9_.:-]{1,128}");

    /** @throws NullPointerException if an argument is null */
    public Preview {
        segments = List.copyOf(segments);
        Objects.requireNonNull(status, "status");
    }

    /**
     * Parses the text form.
     *
     * @param text the text; null, blank, {@code off} or invalid (characters outside slugs, too long) give null
     * @return the preview, or null for "no preview"
     */
    public static Preview parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (t.isEmpty() || t.length() > MAX_TEXT || t.equalsIgnoreCase("off")) {
            return null;
        }
        if (t.equals("*")) {
            return new Preview(List.of(), ProfileStatus.KNOWN, true);
        }
        List<String> segments = new ArrayList<>();
        ProfileStatus status = ProfileStatus.KNOWN;
        for (String token : SegmentCondition.split(t)) {
            switch (token.toLowerCase(Locale.ROOT)) {
                case "known" -> status = ProfileStatus.KNOWN;
                case "new" -> status = ProfileStatus.NEW_VISITOR;
                case "unavailable" -> status = ProfileStatus.UNAVAILABLE;
                default -> {
                    if (!SLUG.matcher(token).matches()) {
                        return null;
                    }
                    segments.add(token);
                }
            }
        }
        return new Preview(segments, status, false);
    }

    /** The text form, parsable by {@link #parse(String)} (URL-encode it for a cookie). */
    public String text() {
        if (showAll) {
            return "*";
        }
        List<String> parts = new ArrayList<>(segments);
        parts.add(switch (status) {
            case KNOWN -> "known";
            case NEW_VISITOR -> "new";
            case UNAVAILABLE -> "unavailable";
        });
        return String.join(",", parts);
    }
}
