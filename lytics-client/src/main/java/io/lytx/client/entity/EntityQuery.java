package io.lytx.client.entity;

import io.lytx.client.internal.Args;
import java.util.List;
import java.util.Optional;

/**
 * What profile to look up and what to bring back. Immutable and thread-safe: every {@code with}-style
 * method returns a copy. Options left unset are not sent, so Lytics' defaults apply (all fields,
 * segments and meta included).
 */
public final class EntityQuery {

    private final String table;
    private final String field;
    private final String value;
    private final List<String> fields;
    private final Boolean segments;
    private final Boolean meta;

    private EntityQuery(String table, String field, String value, List<String> fields, Boolean segments, Boolean meta) {
        this.table = table;
        this.field = field;
        this.value = value;
        this.fields = fields;
        this.segments = segments;
        this.meta = meta;
    }

    /**
     * @param field an identity field, e.g. {@code _uid}, {@code email}, {@code user_id}; not blank
     * @param value its value (any text: it is encoded as one path segment); not blank
     * @return a query on table {@code user}
     * @throws NullPointerException     when an argument is null
     * @throws IllegalArgumentException when an argument is blank
     */
    public static EntityQuery by(String field, String value) {
        return new EntityQuery("user", Args.notBlank(field, "field"), Args.notBlank(value, "value"), List.of(), null, null);
    }

    /**
     * @param table the table, e.g. {@code user} or {@code content}; not blank
     * @return a copy on that table
     */
    public EntityQuery table(String table) {
        return new EntityQuery(Args.notBlank(table, "table"), field, value, fields, segments, meta);
    }

    /**
     * @param fields the fields to return ({@code none} for segments only); empty for all
     * @return a copy returning only those fields
     */
    public EntityQuery fields(List<String> fields) {
        Args.notNull(fields, "fields");
        return new EntityQuery(table, field, value, List.copyOf(fields), segments, meta);
    }

    /**
     * @param include whether to include segment memberships
     * @return a copy with {@code segments} sent
     */
    public EntityQuery segments(boolean include) {
        return new EntityQuery(table, field, value, fields, include, meta);
    }

    /**
     * @param include whether to include the table's meta
     * @return a copy with {@code meta} sent
     */
    public EntityQuery meta(boolean include) {
        return new EntityQuery(table, field, value, fields, segments, include);
    }

    /** @return the table */
    public String table() {
        return table;
    }

    /** @return the identity field */
    public String field() {
        return field;
    }

    /** @return the identity value */
    public String value() {
        return value;
    }

    /** @return the requested fields, empty for all */
    public List<String> fieldList() {
        return fields;
    }

    /** @return whether segments are requested, empty when left to Lytics' default */
    public Optional<Boolean> includeSegments() {
        return Optional.ofNullable(segments);
    }

    /** @return whether meta is requested, empty when left to Lytics' default */
    public Optional<Boolean> includeMeta() {
        return Optional.ofNullable(meta);
    }

    /** @return a description without the identity value (which is personal data) */
    @Override
    public String toString() {
        return "EntityQuery[" + table + "/" + field + "=…, fields=" + fields + ", segments=" + segments + ", meta=" + meta + "]";
    }
}
