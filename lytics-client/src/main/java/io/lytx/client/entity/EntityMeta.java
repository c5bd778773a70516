package io.lytx.client.entity;

import java.util.List;

/**
 * The {@code meta} Lytics returns with a profile: the table's name, format and identity fields.
 *
 * <p>An immutable value when the client builds it (its lists and maps are unmodifiable), and then thread-safe.
 *
 * @param name     the table name, e.g. {@code user}
 * @param format   the format, e.g. {@code json}
 * @param byFields the identity fields of the table, never null
 */
public record EntityMeta(String name, String format, List<String> byFields) {

    /**
     * Copies the list and replaces nulls by empty values.
     *
     * @param name     the table name
     * @param format   the format
     * @param byFields the identity fields
     */
    public EntityMeta {
        name = name == null ? "" : name;
        format = format == null ? "" : format;
        byFields = byFields == null ? List.of() : List.copyOf(byFields);
    }
}
