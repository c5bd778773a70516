package io.lytx.sandbox.collect;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Reads event times in the formats data sources commonly send.
 *
 * <p>Accepted: epoch numbers (JSON number or digits in text; below 10^11 they are read as
 * seconds, otherwise as milliseconds), ISO-8601 instants and offset date-times
 * ({@code 2024-05-01T12:00:00Z}, {@code 2024-05-01T12:00:00+02:00}), local date-times with
 * {@code T} or a space, with or without a trailing {@code Z} ({@code 2024-05-01 12:00:00},
 * read as UTC), dates ({@code 2024-05-01}, midnight UTC) and RFC 1123
 * ({@code Wed, 01 May 2024 12:00:00 GMT}). Stateless and thread-safe.
 */
public final class TimestampParser {

    private static final BigDecimal SECONDS_LIMIT = BigDecimal.valueOf(100_000_000_000L);
    private static final DateTimeFormatter SPACE_LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]");
    private static final List<Function<String, Instant>> TEXT_FORMATS = List.of(
            Instant::parse,
            s -> OffsetDateTime.parse(s).toInstant(),
            s -> LocalDateTime.parse(s).toInstant(ZoneOffset.UTC),
            s -> LocalDateTime.parse(stripZ(s), SPACE_LOCAL).toInstant(ZoneOffset.UTC),
            s -> LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC),
            s -> ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());

    private TimestampParser() {
    }

    /**
     * Parses an event time.
     *
     * @param value a JSON number, a Number or text; null gives empty
     * @return epoch milliseconds, or empty when the value is not a time in an accepted format
     */
    public static OptionalLong parse(Object value) {
        if (value == null) {
            return OptionalLong.empty();
        }
        if (value instanceof Number n) {
            return fromEpoch(n instanceof BigDecimal d ? d : new BigDecimal(n.toString()));
        }
        String s = String.valueOf(value).trim();
        if (s.isEmpty()) {
            return OptionalLong.empty();
        }
        if (s.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
            try {
                return fromEpoch(new BigDecimal(s));
            } catch (NumberFormatException e) {
                return OptionalLong.empty();
            }
        }
        for (Function<String, Instant> format : TEXT_FORMATS) {
            try {
                return OptionalLong.of(format.apply(s).toEpochMilli());
            } catch (DateTimeParseException | ArithmeticException e) {
                // try the next format
            }
        }
        return OptionalLong.empty();
    }

    private static OptionalLong fromEpoch(BigDecimal d) {
        try {
            BigDecimal ms = d.abs().compareTo(SECONDS_LIMIT) < 0 ? d.movePointRight(3) : d;
            return OptionalLong.of(ms.longValue());
        } catch (ArithmeticException e) {
            return OptionalLong.empty();
        }
    }

    private static String stripZ(String s) {
        return s.endsWith("Z") ? s.substring(0, s.length() - 1) : s;
    }
}
