package io.lytx.sandbox.filterql;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Reads timestamps the way Lytics data carries them. Stateless, thread-safe.
 *
 * <p>Accepted text: ISO-8601 date-times with {@code T} or a space between date and time, with
 * {@code Z} or an offset ({@code 2016-04-02T12:00:00Z}, {@code 2015-04-01 00:00:00Z},
 * {@code 2016-04-02T12:00:00.250+02:00}); date-times without zone (read as UTC); plain dates
 * {@code 2016-04-02} (midnight UTC); and, through {@link #parse(String)} only, epoch milliseconds.
 */
final class Timestamps {

    private static final int MAX_EPOCH_DIGITS = 19;

    private Timestamps() {
    }

    /** ISO text or epoch-millisecond digits; null when the text is neither. */
    static Instant parse(String text) {
        String s = text.trim();
        Instant iso = parseIso(s);
        if (iso != null) {
            return iso;
        }
        return parseEpochMillis(s);
    }

    /** Only ISO forms; null otherwise. Cheap for text that does not look like a date. */
    static Instant parseIso(String text) {
        String s = text.trim();
        if (s.length() < 10 || s.charAt(4) != '-' || s.charAt(7) != '-' || !Character.isDigit(s.charAt(0))) {
            return null;
        }
        Instant fast = parseUtcSeconds(s);
        if (fast != null) {
            return fast;
        }
        if (s.length() > 10 && s.charAt(10) == ' ') {
            s = s.substring(0, 10) + 'T' + s.substring(11);
        }
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            char last = s.charAt(s.length() - 1);
            boolean zoned = last == 'Z' || last == 'z' || s.indexOf('+', 10) > 0 || s.lastIndexOf('-') > 10;
            if (zoned) {
                return OffsetDateTime.parse(s.replace('z', 'Z')).toInstant();
            }
            return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * Fast path for the commonest shape, {@code yyyy-MM-ddTHH:mm:ssZ} (also with a space instead of
     * {@code T}); null for anything else, which then takes the general path.
     */
    private static Instant parseUtcSeconds(String s) {
        if (s.length() != 20 || s.charAt(19) != 'Z' || (s.charAt(10) != 'T' && s.charAt(10) != ' ')
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 || hour < 0 || hour > 23
                || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400L + hour * 3_600L + minute * 60L + second);
    }

    /** The decimal value of {@code s[from, to)}, or -1 when it holds a non-digit. */
    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** An optionally negative run of at most 19 digits, read as epoch milliseconds; null otherwise. */
    static Instant parseEpochMillis(String s) {
        int from = s.startsWith("-") ? 1 : 0;
        if (s.length() == from || s.length() - from > MAX_EPOCH_DIGITS) {
            return null;
        }
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return null;
            }
        }
        try {
            return Instant.ofEpochMilli(Long.parseLong(s));
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
    }
}
