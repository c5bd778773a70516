package io.lytx.client.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Tolerant conversions of values decoded from Lytics JSON ({@code String}, {@code BigDecimal},
 * {@code Boolean}, {@code List}, {@code Map} or null), which often carry numbers and booleans as
 * strings ({@code "17"}, {@code "t"}) and timestamps as ISO text or epoch milliseconds (number or
 * text). Every method returns empty rather than throwing when a value does not convert.
 * Stateless, thread-safe.
 */
public final class Tolerant {

    private Tolerant() {
    }

    /**
     * @param v a decoded value
     * @return text for strings, numbers and booleans; empty for null, lists and maps
     */
    public static Optional<String> string(Object v) {
        if (v instanceof String s) {
            return Optional.of(s);
        }
        if (v instanceof BigDecimal d) {
            return Optional.of(d.stripTrailingZeros().scale() <= 0 ? d.toBigInteger().toString() : d.toPlainString());
        }
        if (v instanceof Number || v instanceof Boolean) {
            return Optional.of(v.toString());
        }
        return Optional.empty();
    }

    /**
     * @param v a decoded value
     * @return the integral value of a number or numeric text (a fraction is truncated); empty otherwise
     */
    public static OptionalLong longValue(Object v) {
        BigDecimal d = decimal(v);
        if (d == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(d.toBigInteger().longValueExact());
        } catch (ArithmeticException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * @param v a decoded value
     * @return the value of a number or numeric text; empty otherwise
     */
    public static OptionalDouble number(Object v) {
        BigDecimal d = decimal(v);
        return d == null ? OptionalDouble.empty() : OptionalDouble.of(d.doubleValue());
    }

    private static BigDecimal decimal(Object v) {
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (v instanceof String s) {
            String t = s.trim();
            if (t.isEmpty() || t.length() > 64) {
                return null;
            }
            try {
                return new BigDecimal(t);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * @param v a decoded value
     * @return true for {@code true}, {@code "true"}, {@code "t"}, {@code "1"}, {@code "yes"}, 1; false for
     *     {@code false}, {@code "false"}, {@code "f"}, {@code "0"}, {@code "no"}, 0 (case-insensitive);
     *     empty otherwise
     */
    public static Optional<Boolean> bool(Object v) {
        if (v instanceof Boolean b) {
            return Optional.of(b);
        }
        if (v instanceof Number n) {
            double d = n.doubleValue();
            return d == 1 ? Optional.of(true) : d == 0 ? Optional.of(false) : Optional.empty();
        }
        if (v instanceof String s) {
            switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "true", "t", "1", "yes", "y" -> {
                    return Optional.of(true);
                }
                case "false", "f", "0", "no", "n" -> {
                    return Optional.of(false);
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /**
     * @param v a decoded value
     * @return the instant of ISO-8601 text ({@code 2024-05-01T12:00:00Z}, with an offset, with a space
     *     instead of {@code T}, without zone or a date alone, both read as UTC), or of epoch
     *     milliseconds as a number or digits; empty otherwise
     */
    public static Optional<Instant> instant(Object v) {
        if (v instanceof Number n) {
            return Optional.of(Instant.ofEpochMilli(n.longValue()));
        }
        if (!(v instanceof String s)) {
            return Optional.empty();
        }
        String t = s.trim();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        if (isInteger(t)) {
            OptionalLong ms = longValue(t);
            return ms.isPresent() ? Optional.of(Instant.ofEpochMilli(ms.getAsLong())) : Optional.empty();
        }
        String iso = t.length() > 10 && t.charAt(10) == ' ' ? t.substring(0, 10) + 'T' + t.substring(11) : t;
        try {
            return Optional.of(OffsetDateTime.parse(iso).toInstant());
        } catch (DateTimeParseException e) {
            // not with an offset: try a local date-time or a date, read as UTC
        }
        try {
            return Optional.of(LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            // not a local date-time either
        }
        try {
            return Optional.of(LocalDate.parse(iso).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static boolean isInteger(String t) {
        int start = t.charAt(0) == '-' ? 1 : 0;
        if (start == t.length() || t.length() > 20) {
            return false;
        }
        for (int i = start; i < t.length(); i++) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * @param v a decoded value
     * @return the items of a list converted by {@link #string}, skipping items that do not convert; a
     *     single scalar gives a one-item list; empty for null and maps. Never null, unmodifiable (a list of
     *     text only, as decoded, comes back as {@link List#copyOf} gives it: the same list when it is one of
     *     its own).
     */
    public static List<String> strings(Object v) {
        if (v instanceof List<?> l && allText(l)) {
            @SuppressWarnings("unchecked")
            List<String> text = (List<String>) l;
            return List.copyOf(text);
        }
        if (v instanceof Collection<?> c) {
            List<String> out = new ArrayList<>(c.size());
            for (Object o : c) {
                string(o).ifPresent(out::add);
            }
            return List.copyOf(out);
        }
        return string(v).map(List::of).orElse(List.of());
    }

    /** Whether every item is a String (not null): then {@code List.copyOf} is the whole conversion. */
    private static boolean allText(List<?> l) {
        for (Object o : l) {
            if (!(o instanceof String)) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param v a decoded value
     * @return a map with text keys, unmodifiable, in the map's order; empty when v is not a map (a decoded
     *     JSON object, already an {@link ArrayMap}, is returned as it is)
     */
    public static Map<String, Object> map(Object v) {
        if (v instanceof ArrayMap a) {
            return a;
        }
        if (v instanceof Map<?, ?> m) {
            ArrayMap.Builder out = ArrayMap.builder(m.size());
            m.forEach((k, val) -> out.put(String.valueOf(k), val));
            return out.build();
        }
        return Map.of();
    }

    /**
     * @param v a decoded value
     * @return a map of numbers (values converted by {@link #number}, others dropped); empty when not a map
     */
    public static Map<String, Double> doubles(Object v) {
        Map<String, Double> out = new LinkedHashMap<>();
        map(v).forEach((k, val) -> number(val).ifPresent(d -> out.put(k, d)));
        return java.util.Collections.unmodifiableMap(out);
    }

    /**
     * @param v a decoded value
     * @return the list, unmodifiable; empty when v is not a list
     */
    public static List<Object> list(Object v) {
        if (v instanceof List<?> l) {
            return java.util.Collections.unmodifiableList(new ArrayList<Object>(l));
        }
        return List.of();
    }
}
