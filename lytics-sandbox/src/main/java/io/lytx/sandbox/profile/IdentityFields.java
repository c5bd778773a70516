package io.lytx.sandbox.profile;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The identity ({@code by}) fields of the user table: the fields whose values identify a profile
 * and stitch fragments together.
 *
 * <p>The cookie id is special: events carry it as {@code _uid} and profiles accumulate it in the
 * set {@code _uids}; a lookup by either name finds the same profile. {@code email} values are
 * matched case-insensitively. Immutable and thread-safe.
 */
public final class IdentityFields {

    /** The profile field holding the set of cookie ids. */
    public static final String UIDS = "_uids";
    /** The event field carrying one cookie id (the {@code seerid} cookie). */
    public static final String UID = "_uid";

    private final List<String> names;

    /**
     * Identity fields in order of precedence.
     *
     * @param names the field names, e.g. {@code ["_uids","email","user_id"]}; {@code _uid} is read
     *              as {@code _uids}; not empty
     * @throws IllegalArgumentException when empty or a name is blank
     */
    public IdentityFields(List<String> names) {
        Objects.requireNonNull(names, "names");
        if (names.isEmpty()) {
            throw new IllegalArgumentException("names must not be empty");
        }
        this.names = names.stream().map(n -> {
            if (n == null || n.isBlank()) {
                throw new IllegalArgumentException("identity field names must not be blank");
            }
            return UID.equals(n) ? UIDS : n;
        }).distinct().toList();
    }

    /**
     * The default identity fields: {@code _uids}, {@code email}, {@code user_id}.
     *
     * @return the defaults
     */
    public static IdentityFields defaults() {
        return new IdentityFields(List.of(UIDS, "email", "user_id"));
    }

    /**
     * The identity fields as the entity API's {@code meta.by_fields} lists them.
     *
     * @return the names, in order
     */
    public List<String> names() {
        return names;
    }

    /**
     * The identity field a request or event field name stands for.
     *
     * @param field a field name; null gives null
     * @return the canonical identity field ({@code _uid} gives {@code _uids}), or null when the
     *         field is not an identity field
     */
    public String canonical(String field) {
        if (field == null) {
            return null;
        }
        String f = UID.equals(field) ? UIDS : field;
        return names.contains(f) ? f : null;
    }

    /**
     * The index key of one identity value.
     *
     * @param canonicalField a canonical identity field
     * @param value          the value; trimmed; emails lower-cased
     * @return the key, or null when the value is blank
     */
    String key(String canonicalField, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if ("email".equals(canonicalField)) {
            v = v.toLowerCase(Locale.ROOT);
        }
        return canonicalField + '\u0000' + v;
    }
}
