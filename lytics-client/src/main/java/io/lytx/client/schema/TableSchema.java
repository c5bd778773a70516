package io.lytx.client.schema;

import java.util.List;

/**
 * A table's schema, read from either answer shape Lytics uses: {@code data.fields[]} or
 * {@code data = {name, by_fields[], columns[]}}.
 *
 * <p>An immutable value when the client builds it (its lists and maps are unmodifiable), and then thread-safe.
 *
 * @param name     table name
 * @param byFields identity fields: {@code by_fields} when the answer has it (Lytics marks more columns
 *                 {@code is_by} than it lists there), else the columns with {@code is_by}
 * @param columns  the columns
 */
public record TableSchema(String name, List<String> byFields, List<Column> columns) {
}
