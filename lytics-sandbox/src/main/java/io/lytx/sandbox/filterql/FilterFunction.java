package io.lytx.sandbox.filterql;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The built-in functions. {@link #GEODISTANCE} and {@link #TIMEWINDOW} are predicates (a phrase on
 * their own); {@link #DOMAIN} yields a value to compare ({@code domain(email) = "example.org"}).
 * Stateless.
 */
enum FilterFunction {

    /**
     * {@code domain(x)}: the lower-cased part after the last {@code @} of an e-mail, or the host of a
     * URL; null for anything else.
     */
    DOMAIN("domain", false) {
        @Override
        String check(List<Operand> args) {
            return args.size() == 1 && !(args.get(0) instanceof FunctionCall) ? null
                    : "domain takes one argument: a field or a string";
        }

        @Override
        Object value(List<Operand> args, Map<String, Object> profile, EvalContext ctx) {
            String text = Values.toText(args.get(0).value(profile, ctx));
            if (text == null) {
                return null;
            }
            int at = text.lastIndexOf('@');
            if (at >= 0) {
                String domain = text.substring(at + 1).trim().toLowerCase(Locale.ROOT);
                return domain.isEmpty() ? null : domain;
            }
            if (text.contains("://")) {
                try {
                    String host = new URI(text.trim()).getHost();
                    return host == null ? null : host.toLowerCase(Locale.ROOT);
                } catch (URISyntaxException e) {
                    return null;
                }
            }
            return null;
        }
    },

    /**
     * {@code geodistance(field, "lat,lon", km)}: the field's location is within {@code km} kilometres
     * (great-circle distance) of the point. The field may hold {@code "lat,lon"} text, a two-element
     * list {@code [lat, lon]} or a map with {@code lat}/{@code lon} (or {@code latitude}/{@code longitude},
     * {@code lng}) keys.
     */
    GEODISTANCE("geodistance", true) {
        @Override
        String check(List<Operand> args) {
            if (args.size() != 3 || !(args.get(0) instanceof Identifier)
                    || !(args.get(1) instanceof Literal point) || point.kind() != Literal.Kind.STRING
                    || !(args.get(2) instanceof Literal km) || km.number() == null) {
                return "geodistance takes (field, \"lat,lon\", km)";
            }
            if (LatLon.parse(point.text()) == null) {
                return "geodistance point \"" + point.text() + "\" is not \"lat,lon\" with -90 <= lat <= 90, -180 <= lon <= 180";
            }
            return km.number().signum() < 0 ? "geodistance radius must not be negative" : null;
        }

        @Override
        boolean test(List<Operand> args, Map<String, Object> profile, EvalContext ctx) {
            LatLon location = LatLon.of(args.get(0).value(profile, ctx));
            LatLon center = LatLon.parse(((Literal) args.get(1)).text());
            BigDecimal km = ((Literal) args.get(2)).number();
            return location != null && center != null && location.kilometresTo(center) <= km.doubleValue();
        }
    },

    /**
     * {@code timewindow(field, count, days)}: at least {@code count} events in the last {@code days}
     * days ({@code count} ∈ {1, 5, 10, 25, 50, 100}, {@code days} ∈ {7, 30}). Lytics' time-bucket
     * storage is not public; the sandbox reads the field as a list of event timestamps, or as a map
     * from timestamp to event count (an inference, see the package documentation).
     */
    TIMEWINDOW("timewindow", true) {
        private final Set<Integer> counts = Set.of(1, 5, 10, 25, 50, 100);
        private final Set<Integer> windows = Set.of(7, 30);

        @Override
        String check(List<Operand> args) {
            if (args.size() != 3 || !(args.get(0) instanceof Identifier)
                    || !(args.get(1) instanceof Literal count) || count.kind() != Literal.Kind.NUMBER
                    || !(args.get(2) instanceof Literal days) || days.kind() != Literal.Kind.NUMBER) {
                return "timewindow takes (field, count, days)";
            }
            if (!counts.contains(intOrZero(count.number()))) {
                return "timewindow count must be one of 1, 5, 10, 25, 50, 100";
            }
            return windows.contains(intOrZero(days.number())) ? null : "timewindow days must be 7 or 30";
        }

        @Override
        boolean test(List<Operand> args, Map<String, Object> profile, EvalContext ctx) {
            Object value = args.get(0).value(profile, ctx);
            if (value == null) {
                return false;
            }
            long wanted = ((Literal) args.get(1)).number().longValue();
            Instant now = ctx.now();
            Instant since = now.minus(Duration.ofDays(((Literal) args.get(2)).number().longValue()));
            long seen = 0;
            if (value instanceof Map<?, ?> buckets) {
                for (Map.Entry<?, ?> bucket : buckets.entrySet()) {
                    if (inWindow(Values.toInstant(bucket.getKey()), since, now)) {
                        BigDecimal n = Values.toNumber(bucket.getValue());
                        seen += n == null ? 0 : Math.max(0, n.longValue());
                    }
                }
            } else {
                for (Object event : Values.elements(value)) {
                    if (inWindow(Values.toInstant(event), since, now)) {
                        seen++;
                    }
                }
            }
            return seen >= wanted;
        }

        private boolean inWindow(Instant t, Instant since, Instant now) {
            return t != null && t.isAfter(since) && !t.isAfter(now);
        }

        private int intOrZero(BigDecimal n) {
            try {
                return n.intValueExact();
            } catch (ArithmeticException e) {
                return 0;
            }
        }
    };

    private final String qlName;
    private final boolean predicate;

    FilterFunction(String qlName, boolean predicate) {
        this.qlName = qlName;
        this.predicate = predicate;
    }

    /** The function named {@code name} (case-insensitive), or null. */
    static FilterFunction named(String name) {
        for (FilterFunction f : values()) {
            if (f.qlName.equalsIgnoreCase(name)) {
                return f;
            }
        }
        return null;
    }

    /** The names of all functions, for error messages. */
    static String names() {
        StringBuilder out = new StringBuilder();
        for (FilterFunction f : values()) {
            out.append(out.length() == 0 ? "" : ", ").append(f.qlName);
        }
        return out.toString();
    }

    String qlName() {
        return qlName;
    }

    /** Whether the function is a phrase by itself (true) or yields a value to compare (false). */
    boolean isPredicate() {
        return predicate;
    }

    /** Null when {@code args} suit the function; otherwise what is wrong. */
    abstract String check(List<Operand> args);

    /** The value of a value function; predicates never call this. */
    Object value(List<Operand> args, Map<String, Object> profile, EvalContext ctx) {
        throw new UnsupportedOperationException(qlName + " is a predicate");
    }

    /** The truth of a predicate function; value functions never call this. */
    boolean test(List<Operand> args, Map<String, Object> profile, EvalContext ctx) {
        throw new UnsupportedOperationException(qlName + " yields a value");
    }
}
