package io.lytx.sandbox.manage;

import io.lytx.sandbox.http.ApiError;
import io.lytx.sandbox.http.JsonInput;
import java.math.BigDecimal;
import java.util.List;

/**
 * The value types of account settings, with their checks.
 *
 * <p>Immutable and thread-safe.
 */
public enum SettingType {
    /** A JSON array of strings ({@code []string}). */
    STRING_LIST("[]string", "a list of strings"),
    /** {@code true} or {@code false}. */
    BOOL("bool", "true or false"),
    /** A whole number. */
    INT("int", "a whole number"),
    /** A JSON string. */
    STRING("string", "a string");

    private final String wireName;
    private final String description;

    SettingType(String wireName, String description) {
        this.wireName = wireName;
        this.description = description;
    }

    /**
     * The type as Lytics names it in {@code field.type}.
     *
     * @return e.g. {@code []string}
     */
    public String wireName() {
        return wireName;
    }

    /**
     * Checks a parsed JSON value against this type.
     *
     * @param slug  the setting, for the message
     * @param value the parsed value (not null)
     * @throws ApiError 400 naming the setting, the expected and the actual type
     */
    public void check(String slug, Object value) {
        boolean ok = switch (this) {
            case STRING_LIST -> value instanceof List<?> l && l.stream().allMatch(String.class::isInstance);
            case BOOL -> value instanceof Boolean;
            case INT -> value instanceof BigDecimal n && isWhole(n);
            case STRING -> value instanceof String;
        };
        if (!ok) {
            throw new ApiError(400, "setting \"" + slug + "\" expects " + description + ", got "
                    + (value instanceof List ? "an array with a non-string item or of another shape" : JsonInput.typeName(value)));
        }
    }

    private static boolean isWhole(BigDecimal n) {
        return n.signum() == 0 || n.stripTrailingZeros().scale() <= 0;
    }
}
