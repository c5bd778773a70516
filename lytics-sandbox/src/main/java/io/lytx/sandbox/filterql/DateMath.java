package io.lytx.sandbox.filterql;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A relative time such as {@code now-7d} or {@code now+1M-2h}: {@code now} followed by zero or more
 * {@code (+|-)<amount><unit>} terms, units {@code y M w d h m s} (year, month, week, day, hour,
 * minute, second; case matters: {@code M} is month, {@code m} minute). Calendar units are applied in
 * UTC. Immutable, thread-safe.
 *
 * @param terms the offsets, applied left to right; empty for plain {@code now}
 */
record DateMath(List<Term> terms) {

    /** The most digits an amount may have (keeps every result inside {@link Instant}'s range or reports it). */
    static final int MAX_AMOUNT_DIGITS = 9;

    /**
     * One offset.
     *
     * @param amount signed amount
     * @param unit   one of {@code y M w d h m s}
     */
    record Term(long amount, char unit) {
    }

    /** A malformed date-math string; {@link #index()} is the offending character's index in the string. */
    static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int index;

        Invalid(int index, String message) {
            super(message);
            this.index = index;
        }

        int index() {
            return index;
        }
    }

    DateMath {
        terms = List.copyOf(terms);
    }

    /**
     * Reads {@code text} as date math when it starts with {@code now} followed by the end, {@code +},
     * {@code -} or {@code /}; any other text (e.g. {@code "nowhere"}) is not date math.
     *
     * @return the date math, or null when the text is not date math at all
     * @throws Invalid when the text starts like date math but is malformed
     */
    static DateMath parse(String text) {
        if (!text.startsWith("now") || (text.length() > 3 && "+-/".indexOf(text.charAt(3)) < 0)) {
            return null;
        }
        List<Term> terms = new ArrayList<>();
        int i = 3;
        while (i < text.length()) {
            char sign = text.charAt(i);
            if (sign == '/') {
                throw new Invalid(i, "date math rounding ('/') is not supported in \"" + text + "\"");
            }
            if (sign != '+' && sign != '-') {
                throw new Invalid(i, "expected '+' or '-' in date math \"" + text + "\" but found '" + sign + "'");
            }
            i++;
            int digitsFrom = i;
            while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                i++;
            }
            if (i == digitsFrom) {
                throw new Invalid(i, "expected a number after '" + sign + "' in date math \"" + text + "\"");
            }
            if (i - digitsFrom > MAX_AMOUNT_DIGITS) {
                throw new Invalid(digitsFrom, "date math amount has more than " + MAX_AMOUNT_DIGITS
                        + " digits in \"" + text + "\"");
            }
            long amount = Long.parseLong(text.substring(digitsFrom, i));
            if (i >= text.length()) {
                throw new Invalid(i, "expected a unit (y, M, w, d, h, m, s) after the amount in date math \""
                        + text + "\"");
            }
            char unit = text.charAt(i);
            if ("yMwdhms".indexOf(unit) < 0) {
                throw new Invalid(i, "unknown date math unit '" + unit + "' in \"" + text
                        + "\" (expected y, M, w, d, h, m or s)");
            }
            i++;
            terms.add(new Term(sign == '-' ? -amount : amount, unit));
        }
        return new DateMath(terms);
    }

    /**
     * The instant this date math denotes relative to {@code now}.
     *
     * @return the instant, or null when it falls outside the representable range
     */
    Instant resolve(Instant now) {
        try {
            Instant t = now;
            for (Term term : terms) {
                long n = term.amount();
                t = switch (term.unit()) {
                    case 'y' -> t.atZone(ZoneOffset.UTC).plusYears(n).toInstant();
                    case 'M' -> t.atZone(ZoneOffset.UTC).plusMonths(n).toInstant();
                    case 'w' -> t.plusSeconds(Math.multiplyExact(n, 604_800L));
                    case 'd' -> t.plusSeconds(Math.multiplyExact(n, 86_400L));
                    case 'h' -> t.plusSeconds(Math.multiplyExact(n, 3_600L));
                    case 'm' -> t.plusSeconds(Math.multiplyExact(n, 60L));
                    default -> t.plusSeconds(n);
                };
            }
            return t;
        } catch (DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    /** The text form, e.g. {@code now-7d}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("now");
        for (Term term : terms) {
            out.append(term.amount() < 0 ? '-' : '+').append(Math.abs(term.amount())).append(term.unit());
        }
        return out.toString();
    }
}
