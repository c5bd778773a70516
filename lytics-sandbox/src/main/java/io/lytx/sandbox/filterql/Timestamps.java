package io.lytx.sandbox.filterql;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads timestamps the way Lytics data carries them. Stateless, thread-safe.
 *
 * <p>Accepted text: ISO-8601 date-times with {@code T} or a space between date and time, with
 * {@code Z} or an offset ({@code 2016-04-02T12:00:00Z}, {@code 2015-04-01 00:00:00Z},
 * {@code 2016-04-02T12:00:00.250+02:00}); date-times without zone (read as UTC); plain dates
 * {@code 2016-04-02} (midnight UTC); and, through {@link #parse(String)} only, US month-first dates
 * ({@code 12/18/2015}, UTC) and epoch milliseconds.
 */
final class Timestamps {

    private static final int MAX_EPOCH_DIGITS = 19;
    private static final Pattern US_DATE = Pattern.compile(
            "(\\d{1,2})/(\\d{1,2})/(\\d{4})(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?");
    private static final Pattern DATE_LIKE = Pattern.compile(
            "(?:\\d{1,2}[/-]\\d{1,2}[/-]\\d{4}|\\d{4}[/-]\\d{1,2}[/-]\\d{1,2})(?:[ T].*)?", Pattern.DOTALL);

    private Timestamps() {
    }

    /** ISO text, US {@code MM/dd/yyyy} text or epoch-millisecond digits; null when the text is none of them. */
    static Instant parse(String text) {
        String s = text.trim();
        Instant iso = parseIso(s);
        if (iso != null) {
            return iso;
        }
        Instant us = parseUs(s);
        return us != null ? us : parseEpochMillis(s);
    }

    /**
     * US month-first dates as qlbridge's date parser reads them ({@code 12/18/2015}, {@code 4/7/2014},
     * optionally followed by {@code HH:mm} or {@code HH:mm:ss}), in UTC; null for anything else.
     */
    static Instant parseUs(String text) {
        Matcher m = US_DATE.matcher(text);
        if (!m.matches()) {
            return null;
        }
        try {
            LocalDateTime t = LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(2))).atStartOfDay();
            if (m.group(4) != null) {
                t = t.withHour(Integer.parseInt(m.group(4))).withMinute(Integer.parseInt(m.group(5)))
                        .withSecond(m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
            }
            return t.toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * Whether {@code text} looks like a date (day, month and a 4-digit year separated by {@code /} or
     * {@code -}, in either order, maybe followed by a time) but is in no form {@link #parse(String)}
     * reads, such as {@code 18/12/2015}, {@code 12-18-2015} or {@code 2015/12/18}: the parser refuses
     * such literals instead of letting them never match.
     */
    static boolean looksLikeUnreadableDate(String text) {
        String s = text.trim();
        return DATE_LIKE.matcher(s).matches() && parse(s) == null;
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
