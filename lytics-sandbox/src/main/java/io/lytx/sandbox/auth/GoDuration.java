package io.lytx.sandbox.auth;

import io.lytx.sandbox.http.ApiError;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses durations written the way Go's {@code time.ParseDuration} reads them, as the Lytics
 * token API takes {@code expires}: a sequence of decimal numbers each with a unit, e.g.
 * {@code 720h}, {@code 1h30m}, {@code 1.5h}, {@code 90s}, {@code 250ms}. Units: {@code ns},
 * {@code us} ({@code µs}), {@code ms}, {@code s}, {@code m}, {@code h}; there is no day unit.
 * Stateless and thread-safe.
 */
public final class GoDuration {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");
    private static final Map<String, Long> NANOS = Map.of(
            "ns", 1L, "us", 1_000L, "µs", 1_000L, "ms", 1_000_000L, "s", 1_000_000_000L,
            "m", 60_000_000_000L, "h", 3_600_000_000_000L);

    private GoDuration() {
    }

    /**
     * Parses a Go duration.
     *
     * @param text the duration; {@code "0"} is zero
     * @return the duration, never negative
     * @throws ApiError 400 naming the text when it is not a valid, non-negative Go duration
     */
    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw invalid(text, "it is empty");
        }
        String s = text.trim();
        if (s.startsWith("-")) {
            throw invalid(text, "it is negative");
        }
        if (s.startsWith("+")) {
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = PART.matcher(s);
        int at = 0;
        BigDecimal nanos = BigDecimal.ZERO;
        while (at < s.length()) {
            if (!m.find(at) || m.start() != at) {
                throw invalid(text, "unexpected \"" + s.substring(at)
                        + "\" (units are ns, us, ms, s, m, h; there is no day unit: write 720h for 30 days)");
            }
            nanos = nanos.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(NANOS.get(m.group(2)))));
            at = m.end();
        }
        if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw invalid(text, "it is too long");
        }
        return Duration.ofNanos(nanos.longValue());
    }

    private static ApiError invalid(String text, String why) {
        return new ApiError(400, "invalid expires \"" + text + "\": " + why);
    }
}
