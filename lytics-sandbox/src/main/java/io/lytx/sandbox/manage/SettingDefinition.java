package io.lytx.sandbox.manage;

import java.util.Objects;

/**
 * One account setting the sandbox knows.
 *
 * <p>Immutable and thread-safe.
 *
 * @param slug        the setting's slug
 * @param category    the UI category
 * @param label       a human label
 * @param description what it does
 * @param type        the value type
 * @param editable    false for settings the account cannot change (PUT/DELETE → 403)
 * @param sortOrder   the UI order
 */
public record SettingDefinition(String slug, String category, String label, String description, SettingType type,
                                boolean editable, int sortOrder) {

    /**
     * Checks the arguments.
     *
     * @param slug the setting's slug
     * @param category the UI category
     * @param label a human label
     * @param description what it does
     * @param type the value type
     * @param editable false for settings the account cannot change (PUT/DELETE → 403)
     * @param sortOrder the UI order
     * @throws NullPointerException when a text or the type is null
     */
    public SettingDefinition {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(type, "type");
    }
}
