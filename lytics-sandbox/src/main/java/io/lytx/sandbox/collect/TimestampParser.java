package io.lytx.sandbox.collect;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Reads the values of a {@code timestamp_field} in the formats Lytics documents as accepted
 * ("very, very lenient with over 50 formats": the parser is Lytics' open-source
 * {@code araddon/dateparse}; the formats below are a subset of its README's examples).
 *
 * <p>Accepted: epoch numbers (JSON number or digits in text), read by magnitude as dateparse
 * reads them by length: below 10^11 seconds, below 10^14 milliseconds, below 10^17 microseconds,
 * else nanoseconds; ISO-8601 instants and offset date-times ({@code 2024-05-01T12:00:00Z},
 * {@code 2024-05-01T12:00:00+02:00}), local date-times with {@code T} or a space, with or without
 * seconds and a trailing {@code Z} or {@code UTC}/{@code GMT} ({@code 2024-05-01 12:00:00}, read as
 * UTC), dates ({@code 2024-05-01}, midnight UTC), {@code yyyy/mm/dd} and US {@code mm/dd/yyyy}
 * with an optional {@code hh:mm[:ss]} (dateparse reads an ambiguous slashed date month first),
 * and RFC 1123 ({@code Wed, 01 May 2024 12:00:00 GMT}). Stateless and thread-safe.
 */
public final class TimestampParser {

    private static final BigDecimal SECONDS_LIMIT = BigDecimal.valueOf(100_000_000_000L);
    private static final BigDecimal MILLIS_LIMIT = BigDecimal.valueOf(100_000_000_000_000L);
    private static final BigDecimal MICROS_LIMIT = BigDecimal.valueOf(100_000_000_000_000_000L);
    private static final DateTimeFormatter SPACE_LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm[:ss][.SSS]")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter SLASHED_YMD = DateTimeFormatter.ofPattern("uuuu/M/d[ H:mm[:ss]]")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter SLASHED_MDY = DateTimeFormatter.ofPattern("M/d/uuuu[ H:mm[:ss]]")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final List<Function<String, Instant>> TEXT_FORMATS = List.of(
            Instant::parse,
            s -> OffsetDateTime.parse(s).toInstant(),
            s -> LocalDateTime.parse(s).toInstant(ZoneOffset.UTC),
            s -> LocalDateTime.parse(stripZ(s), SPACE_LOCAL).toInstant(ZoneOffset.UTC),
            s -> LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC),
            s -> local(s, SLASHED_YMD),
            s -> local(s, SLASHED_MDY),
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

    private static Instant local(String s, DateTimeFormatter format) {
        var parsed = format.parseBest(s, LocalDateTime::from, LocalDate::from);
        LocalDateTime t = parsed instanceof LocalDate d ? d.atStartOfDay() : (LocalDateTime) parsed;
        return t.toInstant(ZoneOffset.UTC);
    }

    private static OptionalLong fromEpoch(BigDecimal d) {
        try {
            BigDecimal abs = d.abs();
            BigDecimal ms;
            if (abs.compareTo(SECONDS_LIMIT) < 0) {
                ms = d.movePointRight(3);
            } else if (abs.compareTo(MILLIS_LIMIT) < 0) {
                ms = d;
            } else if (abs.compareTo(MICROS_LIMIT) < 0) {
                ms = d.movePointLeft(3);
            } else {
                ms = d.movePointLeft(6);
            }
            return OptionalLong.of(ms.setScale(0, RoundingMode.FLOOR).longValueExact());
        } catch (ArithmeticException e) {
            return OptionalLong.empty();
        }
    }

    private static String stripZ(String s) {
        for (String utc : new String[] {"Z", " UTC", " GMT"}) {
            if (s.endsWith(utc)) {
                return s.substring(0, s.length() - utc.length());
            }
        }
        return s;
    }
}
