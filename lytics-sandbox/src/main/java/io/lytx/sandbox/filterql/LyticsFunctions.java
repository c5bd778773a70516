package io.lytx.sandbox.filterql;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Lytics' own FilterQL functions, {@code geodistance(field, "lat,lon", km)} and
 * {@code timewindow(field, count, days)} (Lytics' FilterQL reference, {@code lytics/agent-skills}
 * {@code references/filterql-grammar.md}): their parse-time checks and evaluation. Stateless.
 */
final class LyticsFunctions {

    private static final int[] TIMEWINDOW_COUNTS = {1, 5, 10, 25, 50, 100};

    private LyticsFunctions() {
    }

    /** Whether the field's location is within {@code km} kilometres of the point. */
    static Object geodistance(List<Object> a, EvalContext ctx) {
        LatLon location = LatLon.of(a.get(0));
        LatLon center = LatLon.parse(Values.toText(a.get(1)));
        BigDecimal km = Values.toNumber(a.get(2));
        return location != null && center != null && km != null && location.kilometresTo(center) <= km.doubleValue();
    }

    static String checkGeodistance(List<Operand> args) {
        if (!(args.get(0) instanceof Identifier)
                || !(args.get(1) instanceof Literal point) || point.kind() != Literal.Kind.STRING
                || !(args.get(2) instanceof Literal km) || km.number() == null) {
            return "geodistance takes (field, \"lat,lon\", km)";
        }
        if (LatLon.parse(point.text()) == null) {
            return "geodistance point \"" + point.text() + "\" is not \"lat,lon\" with -90 <= lat <= 90, -180 <= lon <= 180";
        }
        return km.number().signum() < 0 ? "geodistance radius must not be negative" : null;
    }

    static String checkTimewindow(List<Operand> args) {
        if (!(args.get(0) instanceof Identifier)
                || !(args.get(1) instanceof Literal count) || count.kind() != Literal.Kind.NUMBER
                || !(args.get(2) instanceof Literal days) || days.kind() != Literal.Kind.NUMBER) {
            return "timewindow takes (field, count, days)";
        }
        int n = intOrZero(count.number());
        boolean knownCount = false;
        for (int allowed : TIMEWINDOW_COUNTS) {
            knownCount |= allowed == n;
        }
        if (!knownCount) {
            return "timewindow count must be one of 1, 5, 10, 25, 50, 100";
        }
        int d = intOrZero(days.number());
        return d == 7 || d == 30 ? null : "timewindow days must be 7 or 30";
    }

    private static int intOrZero(BigDecimal n) {
        try {
            return n.intValueExact();
        } catch (ArithmeticException e) {
            return 0;
        }
    }

    /**
     * {@code timewindow(field, count, days)}: at least {@code count} events in the last {@code days}
     * days. Lytics' time-bucket storage is not public; the sandbox reads the field as a list of event
     * timestamps, or as a map from timestamp to event count (our inference).
     */
    static Object timewindow(List<Object> a, EvalContext ctx) {
        Object value = a.get(0);
        if (value == null) {
            return Boolean.FALSE;
        }
        long wanted = Values.toNumber(a.get(1)).longValue();
        Instant now = ctx.now();
        Instant since = now.minus(Duration.ofDays(Values.toNumber(a.get(2)).longValue()));
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

    private static boolean inWindow(Instant t, Instant since, Instant now) {
        return t != null && t.isAfter(since) && !t.isAfter(now);
    }
}
