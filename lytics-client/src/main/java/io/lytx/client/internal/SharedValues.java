package io.lytx.client.internal;

import java.util.Objects;

/**
 * A fixed table that answers a value equal to one it holds with the held instance, so that equal
 * immutable values decoded from many answers (text, lists, maps) are kept once rather than once per
 * cached answer. Each slot holds the last value whose hash lands there: a value equal to the slot's is
 * answered with the slot's instance, another value takes the slot. Values that repeat stay in their slot;
 * unique values pass through and at worst cost a later repeat one more copy.
 *
 * <p>Bounded: it holds at most {@code slots} values whatever it is given (callers bound the size of what
 * they share). Thread-safe without a lock: a slot is one reference, so a racing write can only lose a
 * share, never answer a value that is not equal; the values must be immutable and safely published (as
 * {@code String} and {@code List.copyOf}/{@code Map.copyOf} results are). O(1): one hash and one
 * {@code equals} per call.
 *
 * @param <T> the value type; immutable, with value equality
 */
public final class SharedValues<T> {

    private final Object[] slots;

    /** @param slots the table size; a power of two */
    public SharedValues(int slots) {
        if (Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two, was " + slots);
        }
        this.slots = new Object[slots];
    }

    /**
     * @param value a value, may be null
     * @return an equal instance shared with earlier calls when the table holds one, else {@code value}
     */
    @SuppressWarnings("unchecked")
    public T of(T value) {
        if (value == null) {
            return null;
        }
        int h = value.hashCode();
        int slot = (h ^ (h >>> 16)) & (slots.length - 1);
        Object held = slots[slot];
        if (held != null && (held == value || Objects.equals(held, value))) {
            return (T) held;
        }
        slots[slot] = value;
        return value;
    }
}
