package io.lytx.client.segment;

import io.lytx.client.internal.ApiRequest;
import io.lytx.client.internal.Args;
import java.util.List;

/**
 * Options of a segment scan: page size ({@code limit}, 1 to 100, default 100), {@code fields},
 * {@code sortfield}/{@code sortorder}, {@code table}. Immutable, thread-safe; setters return copies.
 */
public final class ScanQuery {

    /** Lytics' largest page. */
    public static final int MAX_LIMIT = 100;

    private final int limit;
    private final List<String> fields;
    private final String sortField;
    private final Boolean ascending;
    private final String table;

    private ScanQuery(int limit, List<String> fields, String sortField, Boolean ascending, String table) {
        this.limit = limit;
        this.fields = fields;
        this.sortField = sortField;
        this.ascending = ascending;
        this.table = table;
    }

    /** @return pages of 100, all fields, Lytics' order */
    public static ScanQuery defaults() {
        return new ScanQuery(MAX_LIMIT, List.of(), null, null, null);
    }

    /**
     * @param limit page size, 1 to 100
     * @return a copy
     */
    public ScanQuery limit(int limit) {
        return new ScanQuery(Args.inRange(limit, 1, MAX_LIMIT, "limit"), fields, sortField, ascending, table);
    }

    /**
     * @param fields fields to return; empty for all
     * @return a copy
     */
    public ScanQuery fields(List<String> fields) {
        return new ScanQuery(limit, List.copyOf(Args.notNull(fields, "fields")), sortField, ascending, table);
    }

    /**
     * @param field     field to sort on; not blank
     * @param ascending true for {@code asc}
     * @return a copy
     */
    public ScanQuery sort(String field, boolean ascending) {
        return new ScanQuery(limit, fields, Args.notBlank(field, "field"), ascending, table);
    }

    /**
     * @param table table, e.g. {@code content}; not blank
     * @return a copy
     */
    public ScanQuery table(String table) {
        return new ScanQuery(limit, fields, sortField, ascending, Args.notBlank(table, "table"));
    }

    /** @return the page size */
    public int limit() {
        return limit;
    }

    ApiRequest applyTo(ApiRequest r, String cursor) {
        return r.query("limit", limit).queryList("fields", fields).query("sortfield", sortField)
                .query("sortorder", ascending == null ? null : ascending ? "asc" : "desc").query("table", table)
                .query("start", cursor);
    }
}
