package io.lytx.sandbox.filterql;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Compares one scalar profile value with a literal, tolerating Lytics-style encodings. Stateless.
 *
 * <p>Ordering picks its domain in this order: time (when the literal is date math or an ISO
 * timestamp, or the value is a date type: both sides read as instants, numbers as epoch
 * milliseconds), then numbers (when both sides read as numbers, so {@code "17" > 5}), then text
 * (two non-numeric strings compare lexicographically, case-sensitively), then time again (an ISO
 * text value against an epoch-millisecond literal). When no domain fits, the two are not comparable
 * and every ordering is false.
 */
final class LooseComparison {

    private LooseComparison() {
    }

    /** Sign of {@code value - literal}, or null when the two are not comparable. */
    static Integer compare(Object value, Literal literal, EvalContext ctx) {
        if (literal.isTemporal() || Values.isTemporal(value)) {
            Instant a = Values.toInstant(value);
            Instant b = literal.instant(ctx);
            if (a != null && b != null) {
                return Integer.signum(a.compareTo(b));
            }
            if (literal.isTemporal()) {
                return null;
            }
        }
        BigDecimal a = Values.toNumber(value);
        BigDecimal b = literal.number();
        if (a != null && b != null) {
            return a.compareTo(b);
        }
        if (value instanceof String s && literal.kind() == Literal.Kind.STRING) {
            return Integer.signum(s.compareTo(literal.text()));
        }
        if (literal.kind() == Literal.Kind.NUMBER && value instanceof String s) {
            Instant instant = Timestamps.parseIso(s);
            Instant other = literal.instant(ctx);
            if (instant != null && other != null) {
                return Integer.signum(instant.compareTo(other));
            }
        }
        return null;
    }

    /** Whether a scalar value equals the literal: exact text, same boolean reading, or same number/instant. */
    static boolean equal(Object value, Literal literal, EvalContext ctx) {
        if (literal.kind() == Literal.Kind.BOOLEAN) {
            Boolean b = Values.toBoolean(value);
            return b != null && b.equals(literal.bool());
        }
        if (value instanceof String s && literal.kind() == Literal.Kind.STRING && s.equals(literal.text())) {
            return true;
        }
        if (value instanceof Boolean b) {
            return b.equals(literal.bool());
        }
        Integer sign = compare(value, literal, ctx);
        return sign != null && sign == 0;
    }

    /** Whether some element of {@code value} (the value itself when scalar) equals some candidate. */
    static boolean equalsAny(Object value, List<Literal> candidates, EvalContext ctx) {
        for (Object element : Values.elements(value)) {
            for (Literal candidate : candidates) {
                if (equal(element, candidate, ctx)) {
                    return true;
                }
            }
        }
        return false;
    }
}
