package io.lytx.servlet.internal.profile;

import java.util.Objects;

/**
 * The identity a profile is looked up by: an identity field of the Lytics {@code user} table and its
 * value, for example {@code ("_uid", "u_123")} or {@code ("email", "a@b.org")}.
 *
 * <p>The value must already have been validated by the identity layer (it goes into an upstream URL
 * path, where the client encodes it). Instances are immutable, thread-safe and usable as cache keys.
 *
 * @param field the identity field name, never blank
 * @param value the identity value, never blank
 */
public record LookupKey(String field, String value) {

    /**
     * Creates a key.
     *
     * @throws NullPointerException     if {@code field} or {@code value} is null (the message names it)
     * @throws IllegalArgumentException if {@code field} or {@code value} is blank (the message names it)
     */
    public LookupKey {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
        if (field.isBlank()) {
            throw new IllegalArgumentException("field must not be blank");
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException("value must not be blank");
        }
    }

    /**
     * Same field and value. Written out, like {@link #hashCode()} and {@link #toString()}: the
     * methods a record generates are bootstrapped by {@code java.lang.runtime.ObjectMethods}, which
     * on JDK 17 keeps the last record class it linked in a JDK-wide cache (JDK-8078641, fixed in 18),
     * and a cache key's class would keep a redeployed web application's class loader alive.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof LookupKey other && field.equals(other.field) && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return 31 * field.hashCode() + value.hashCode();
    }

    /** A compact form for logs; the value is shown because it is an identifier, never a secret. */
    @Override
    public String toString() {
        return field + '=' + value;
    }
}
