package io.lytx.client.internal;

import java.time.Duration;
import java.util.Objects;

/** Fail-fast argument checks whose messages name the offending parameter. Stateless, thread-safe. */
public final class Args {

    private Args() {
    }

    /**
     * @param <T>   the argument's type
     * @param value the argument
     * @param name  the parameter's name, used in the message
     * @return {@code value}
     * @throws NullPointerException when value is null ("{name} must not be null")
     */
    public static <T> T notNull(T value, String name) {
        return Objects.requireNonNull(value, () -> name + " must not be null");
    }

    /**
     * @param value the argument
     * @param name  the parameter's name, used in the message
     * @return {@code value}, unchanged
     * @throws NullPointerException     when value is null
     * @throws IllegalArgumentException when value is empty or only whitespace ("{name} must not be blank")
     */
    public static String notBlank(String value, String name) {
        notNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    /**
     * @param value the argument
     * @param name  the parameter's name
     * @return {@code value}
     * @throws NullPointerException     when null
     * @throws IllegalArgumentException when zero or negative
     */
    public static Duration positive(Duration value, String name) {
        notNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }

    /**
     * @param value the argument
     * @param min   smallest allowed value
     * @param max   largest allowed value
     * @param name  the parameter's name
     * @return {@code value}
     * @throws IllegalArgumentException when outside [min, max]
     */
    public static int inRange(int value, int min, int max, String name) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }
}
