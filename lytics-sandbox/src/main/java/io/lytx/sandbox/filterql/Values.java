package io.lytx.sandbox.filterql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Tolerant reading of profile values, the way Lytics data arrives: numbers as strings ({@code "17"}),
 * booleans as {@code "t"/"f"/"true"/"false"}, dates as {@link Instant}, ISO text or epoch
 * milliseconds (number or text). Stateless, thread-safe; every method returns null rather than
 * throwing when a value cannot be read as asked.
 */
final class Values {

    /** Longer text is never read as a number (bounds the cost of {@link BigDecimal} parsing). */
    private static final int MAX_NUMBER_TEXT = 100;

    /** Numbers with a larger absolute scale are not read as numbers (their plain text would be huge). */
    private static final int MAX_SCALE = 400;

    private Values() {
    }

    /** The value as a number; null for non-numeric text, booleans, NaN, infinities, collections. */
    static BigDecimal toNumber(Object value) {
        if (value instanceof BigDecimal d) {
            return sane(d);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return null;
            }
            return value instanceof Float ? new BigDecimal(value.toString()) : BigDecimal.valueOf(d);
        }
        if (value instanceof BigInteger i) {
            return i.bitLength() > MAX_NUMBER_TEXT * 4 ? null : new BigDecimal(i);
        }
        if (value instanceof Number n) {
            return parseNumber(n.toString());
        }
        if (value instanceof String s) {
            return parseNumber(s);
        }
        return null;
    }

    /** Decimal text ({@code 17}, {@code -0.5}, {@code 1e3}, surrounding blanks allowed) as a number; null otherwise. */
    static BigDecimal parseNumber(String text) {
        String s = text.trim();
        if (s.isEmpty() || s.length() > MAX_NUMBER_TEXT) {
            return null;
        }
        char first = s.charAt(0);
        if (!(first >= '0' && first <= '9') && first != '-' && first != '+' && first != '.') {
            return null;
        }
        try {
            return sane(new BigDecimal(s));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The number, or null when its scale is so extreme ({@code 1e999999999}) that plain text of it would be huge. */
    private static BigDecimal sane(BigDecimal n) {
        return Math.abs((long) n.scale()) > MAX_SCALE ? null : n;
    }

    /** The value as a boolean: Boolean; text {@code t/true/f/false} (any case); numbers 1 and 0. Null otherwise. */
    static Boolean toBoolean(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s) {
            return parseBoolean(s);
        }
        if (value instanceof Number) {
            BigDecimal n = toNumber(value);
            if (n != null && n.compareTo(BigDecimal.ONE) == 0) {
                return Boolean.TRUE;
            }
            if (n != null && n.signum() == 0) {
                return Boolean.FALSE;
            }
        }
        return null;
    }

    /** {@code t/true} → true, {@code f/false} → false (any case, blanks trimmed); null otherwise. */
    static Boolean parseBoolean(String text) {
        String s = text.trim();
        if (s.equalsIgnoreCase("t") || s.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (s.equalsIgnoreCase("f") || s.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        return null;
    }

    /** The value as an instant: Instant, other temporals, Date, epoch-ms numbers, ISO or epoch-ms text. Null otherwise. */
    static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof String s) {
            return Timestamps.parse(s);
        }
        if (value instanceof Date d) {
            return d.toInstant();
        }
        if (value instanceof TemporalAccessor t) {
            try {
                return Instant.from(t);
            } catch (DateTimeException e) {
                return null;
            }
        }
        if (value instanceof Number) {
            BigDecimal n = toNumber(value);
            if (n == null) {
                return null;
            }
            try {
                return Instant.ofEpochMilli(n.longValueExact());
            } catch (ArithmeticException | DateTimeException e) {
                try {
                    return Instant.ofEpochMilli(n.setScale(0, RoundingMode.FLOOR).longValueExact());
                } catch (ArithmeticException | DateTimeException again) {
                    return null;
                }
            }
        }
        return null;
    }

    /** Whether the value is itself a date type (not text that could be read as one). */
    static boolean isTemporal(Object value) {
        return value instanceof TemporalAccessor || value instanceof Date;
    }

    /** The value as text: strings as is, numbers in plain notation, booleans, instants in ISO form; null for collections and maps. */
    static String toText(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Boolean b) {
            return b.toString();
        }
        if (value instanceof Number) {
            BigDecimal n = toNumber(value);
            return n == null ? value.toString() : plain(n);
        }
        Instant instant = isTemporal(value) ? toInstant(value) : null;
        return instant == null ? null : instant.toString();
    }

    /** Plain notation without trailing fractional zeros ({@code 17}, {@code 0.5}). */
    static String plain(BigDecimal n) {
        BigDecimal stripped = n.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    /** Absent, null, empty text, empty collection or empty map. */
    static boolean isEmpty(Object value) {
        return value == null
                || (value instanceof CharSequence s && s.length() == 0)
                || (value instanceof Collection<?> c && c.isEmpty())
                || (value instanceof Map<?, ?> m && m.isEmpty())
                || (value instanceof Object[] a && a.length == 0);
    }

    /** A collection's (or array's) non-null elements; any other non-null value as a one-element list. */
    static List<Object> elements(Object value) {
        if (value instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            for (Object e : c) {
                if (e != null) {
                    out.add(e);
                }
            }
            return out;
        }
        if (value instanceof Object[] a) {
            List<Object> out = new ArrayList<>(a.length);
            for (Object e : a) {
                if (e != null) {
                    out.add(e);
                }
            }
            return out;
        }
        return value == null ? List.of() : List.of(value);
    }

    /**
     * Whether some element of a present value passes {@code test}: the shared core of the
     * element-wise operators (CONTAINS, LIKE, BETWEEN).
     *
     * @param value a profile value; null, a map and an empty list give false
     * @param test  the condition on one non-null element; not null
     * @return true as soon as one element passes
     */
    static boolean anyElement(Object value, Predicate<Object> test) {
        if (value == null || value instanceof Map<?, ?>) {
            return false;
        }
        for (Object element : elements(value)) {
            if (test.test(element)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether some element's text (numbers and booleans read as their text) passes {@code test}.
     *
     * @param value a profile value; null, a map and an empty list give false
     * @param test  the condition on one element's text; not null
     * @return true as soon as one element's text passes
     */
    static boolean anyElementText(Object value, Predicate<String> test) {
        return anyElement(value, element -> {
            String text = toText(element);
            return text != null && test.test(text);
        });
    }

    /** Whether the value is a collection or an array (a multi-valued field). */
    static boolean isMultiValued(Object value) {
        return value instanceof Collection<?> || value instanceof Object[];
    }
}
