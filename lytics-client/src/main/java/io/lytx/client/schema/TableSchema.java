package io.lytx.client.schema;

import java.util.List;

/**
 * A table's schema, read from either answer shape Lytics uses: {@code data.fields[]} or
 * {@code data = {name, by_fields[], columns[]}}.
 *
 * @param name     table name
 * @param byFields identity fields (from {@code by_fields}, or the columns with {@code is_by})
 * @param columns  the columns
 */
public record TableSchema(String name, List<String> byFields, List<Column> columns) {
}
