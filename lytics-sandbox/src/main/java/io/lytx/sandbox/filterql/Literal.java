package io.lytx.sandbox.filterql;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A literal: a quoted string, a number, a boolean or {@code NULL}. What a string literal can also mean
 * (a number such as {@code "0.42"}, a timestamp, date math such as {@code "now-7d"}) is worked out
 * once, when it is built. Equality is by kind and canonical text. Immutable, thread-safe.
 */
final class Literal implements Operand {

    /** The literal's syntactic kind. */
    enum Kind { STRING, NUMBER, BOOLEAN, NULL }

    private final Kind kind;
    private final String text;
    private final BigDecimal number;
    private final Boolean bool;
    private final Instant fixedInstant;
    private final DateMath dateMath;

    private Literal(Kind kind, String text, BigDecimal number, Boolean bool, Instant fixedInstant, DateMath dateMath) {
        this.kind = kind;
        this.text = text;
        this.number = number;
        this.bool = bool;
        this.fixedInstant = fixedInstant;
        this.dateMath = dateMath;
    }

    /**
     * A string literal.
     *
     * @throws DateMath.Invalid when the text starts like date math ({@code now-}) but is malformed
     */
    static Literal string(String text) {
        DateMath math = DateMath.parse(text);
        Instant instant = math != null ? null : Timestamps.parse(text);
        return new Literal(Kind.STRING, text, Values.parseNumber(text), Values.parseBoolean(text), instant, math);
    }

    /** A number literal from its source text; stored in canonical plain notation. */
    static Literal number(String sourceText) {
        BigDecimal parsed = new BigDecimal(sourceText);
        String canonical = parsed.toPlainString();
        BigDecimal value = new BigDecimal(canonical);
        Instant instant = null;
        if (value.scale() <= 0) {
            instant = Timestamps.parseEpochMillis(value.toBigInteger().toString());
        }
        return new Literal(Kind.NUMBER, canonical, value, null, instant, null);
    }

    /** A boolean literal. */
    static Literal bool(boolean value) {
        return new Literal(Kind.BOOLEAN, Boolean.toString(value), null, value, null, null);
    }

    /** The literal {@code NULL}. */
    static Literal nullLiteral() {
        return new Literal(Kind.NULL, "NULL", null, null, null, null);
    }

    /** A literal standing for a profile value (for {@code IN field}); null for maps and other odd values. */
    static Literal ofValue(Object value) {
        if (value instanceof Boolean b) {
            return bool(b);
        }
        if (value instanceof Number) {
            BigDecimal n = Values.toNumber(value);
            return n == null ? null : number(n.toPlainString());
        }
        if (value instanceof String s) {
            try {
                return string(s);
            } catch (DateMath.Invalid e) {
                return new Literal(Kind.STRING, s, null, null, null, null);
            }
        }
        if (Values.isTemporal(value)) {
            Instant instant = Values.toInstant(value);
            return instant == null ? null : string(instant.toString());
        }
        return null;
    }

    Kind kind() {
        return kind;
    }

    /** The decoded string, the canonical number, or {@code true}/{@code false}. */
    String text() {
        return text;
    }

    /** The numeric reading (numbers, numeric strings), or null. */
    BigDecimal number() {
        return number;
    }

    /** The boolean reading (booleans, {@code "t"/"true"/"f"/"false"} strings), or null. */
    Boolean bool() {
        return bool;
    }

    /** Whether this literal is, first of all, a point in time: date math or an ISO timestamp string. */
    boolean isTemporal() {
        return dateMath != null || (kind == Kind.STRING && fixedInstant != null && number == null);
    }

    /** Whether this literal is date math. */
    boolean isDateMath() {
        return dateMath != null;
    }

    /** The instant this literal denotes (date math against {@code ctx.now()}, timestamps, epoch ms); null when none. */
    Instant instant(EvalContext ctx) {
        if (dateMath != null) {
            return dateMath.resolve(ctx.now());
        }
        return fixedInstant;
    }

    @Override
    public Object value(Map<String, Object> profile, EvalContext ctx) {
        return switch (kind) {
            case STRING -> text;
            case NUMBER -> number;
            case BOOLEAN -> bool;
            case NULL -> null;
        };
    }

    @Override
    public String toQl() {
        return kind == Kind.STRING ? QlText.string(text) : text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Literal other && kind == other.kind && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, text);
    }

    @Override
    public String toString() {
        return toQl();
    }
}
