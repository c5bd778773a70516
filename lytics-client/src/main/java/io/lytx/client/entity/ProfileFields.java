package io.lytx.client.entity;

import io.lytx.client.internal.Args;
import io.lytx.client.internal.ArrayMap;
import io.lytx.client.internal.Tolerant;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Tolerant typed access over a raw profile map. Lytics often sends numbers and booleans as strings
 * ({@code "visitct":"17"}, {@code "app_ismobile":"t"}) and timestamps as ISO text or epoch
 * milliseconds; every accessor accepts those forms and returns empty (never throws) when a value is
 * absent or does not convert. Values are untrusted input: escape them before rendering.
 * Immutable and thread-safe.
 */
public final class ProfileFields {

    private static final ProfileFields EMPTY = new ProfileFields(Map.of());

    private final Map<String, Object> values;

    private ProfileFields(Map<String, Object> values) {
        this.values = values;
    }

    /**
     * @param values decoded JSON values (strings, numbers, booleans, lists, maps); copied in their order into
     *     a compact unmodifiable map (the client's own decoded maps are unmodifiable already and kept as they are)
     * @return fields over a copy of the map
     */
    public static ProfileFields of(Map<String, ?> values) {
        Args.notNull(values, "values");
        return values.isEmpty() ? EMPTY : new ProfileFields(ArrayMap.copyOf(values));
    }

    /** @return fields with no values */
    public static ProfileFields empty() {
        return EMPTY;
    }

    /**
     * @param name field name
     * @return text of a string, number or boolean value; empty for absent, null, lists and maps
     */
    public Optional<String> string(String name) {
        return Tolerant.string(values.get(name));
    }

    /**
     * @param name field name
     * @return the integral value of a number or numeric text ({@code "17"}); empty otherwise
     */
    public OptionalLong longValue(String name) {
        return Tolerant.longValue(values.get(name));
    }

    /**
     * @param name field name
     * @return the value of a number or numeric text ({@code "0.5"}); empty otherwise
     */
    public OptionalDouble number(String name) {
        return Tolerant.number(values.get(name));
    }

    /**
     * @param name field name
     * @return {@code true/false}, {@code "t"/"f"}, {@code "true"/"false"}, {@code "1"/"0"} as a boolean;
     *     empty otherwise
     */
    public Optional<Boolean> bool(String name) {
        return Tolerant.bool(values.get(name));
    }

    /**
     * @param name field name
     * @return the instant of ISO-8601 text or epoch milliseconds (number or text); empty otherwise
     */
    public Optional<Instant> instant(String name) {
        return Tolerant.instant(values.get(name));
    }

    /**
     * @param name field name
     * @return the items of a list as text (a scalar gives one item); empty list when absent. Unmodifiable.
     */
    public List<String> strings(String name) {
        return Tolerant.strings(values.get(name));
    }

    /**
     * @param name field name
     * @return a map value (e.g. {@code hourly}, {@code lytics_content}); empty map when absent or not a map
     */
    public Map<String, Object> map(String name) {
        return Tolerant.map(values.get(name));
    }

    /**
     * @param name field name
     * @return the value as decoded (String, BigDecimal, Boolean, List, Map), or null
     */
    public Object raw(String name) {
        return values.get(name);
    }

    /** @return every field, unmodifiable, in the order Lytics sent them */
    public Map<String, Object> asMap() {
        return values;
    }

    /**
     * @param name field name
     * @return whether the field is present with a non-null value
     */
    public boolean has(String name) {
        return values.get(name) != null;
    }

    /** @return the field names only (values are personal data) */
    @Override
    public String toString() {
        return "ProfileFields" + values.keySet();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProfileFields p && p.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }
}
