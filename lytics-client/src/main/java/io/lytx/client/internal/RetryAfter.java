package io.lytx.client.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Parses an HTTP {@code Retry-After} value: delta seconds or an HTTP-date. Stateless, thread-safe. */
final class RetryAfter {

    private RetryAfter() {
    }

    /**
     * @param header the header value, may be null
     * @param clock  the clock an HTTP-date is measured against
     * @return the wait: the seconds given, or the time until the date (zero when the date is past);
     *     empty when absent or unparsable
     */
    static Optional<Duration> parse(String header, Clock clock) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String v = header.trim();
        if (v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            if (v.length() > 12) {
                return Optional.empty();
            }
            return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration d = Duration.between(clock.instant(), at.toInstant());
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
