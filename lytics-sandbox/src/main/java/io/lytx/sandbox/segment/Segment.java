package io.lytx.sandbox.segment;

import io.lytx.sandbox.filterql.ParsedSegment;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One saved segment. Immutable and thread-safe.
 *
 * @param id          32 lower-case hex digits
 * @param name        the display name
 * @param slug        the slug ({@code slug_name}), unique in the account
 * @param description the description; may be empty
 * @param kind        {@code segment} unless given
 * @param table       {@code user} or {@code content}
 * @param isPublic    whether entity answers list it by slug in {@code segments}
 * @param ql          the FilterQL text as saved
 * @param tags        free tags
 * @param created     creation time
 * @param updated     last update time
 * @param parsed      the parsed FilterQL
 */
public record Segment(String id, String name, String slug, String description, String kind, String table,
                      boolean isPublic, String ql, List<String> tags, Instant created, Instant updated,
                      ParsedSegment parsed) {

    /**
     * Validates and copies.
     *
     * @param id 32 lower-case hex digits
     * @param name the display name
     * @param slug the slug ({@code slug_name}), unique in the account
     * @param description the description; may be empty
     * @param kind {@code segment} unless given
     * @param table {@code user} or {@code content}
     * @param isPublic whether entity answers list it by slug in {@code segments}
     * @param ql the FilterQL text as saved
     * @param tags free tags
     * @param created creation time
     * @param updated last update time
     * @param parsed the parsed FilterQL
     * @throws NullPointerException when a component is null
     */
    public Segment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(ql, "ql");
        tags = List.copyOf(Objects.requireNonNull(tags, "tags"));
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(updated, "updated");
        Objects.requireNonNull(parsed, "parsed");
    }

    /**
     * The segment as the segment API writes it.
     *
     * @param accountId     the account id
     * @param invalidReason why the segment cannot be evaluated (an INCLUDE of an unknown segment),
     *                      or empty when valid
     * @return a new insertion-ordered map
     */
    public Map<String, Object> toWire(String accountId, String invalidReason) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("account_id", accountId);
        m.put("name", name);
        m.put("slug_name", slug);
        m.put("description", description);
        m.put("kind", kind);
        m.put("table", table);
        m.put("is_public", isPublic);
        m.put("segment_ql", ql);
        m.put("tags", tags);
        m.put("invalid", !invalidReason.isEmpty());
        m.put("invalid_reason", invalidReason);
        m.put("deleted", false);
        m.put("created", created.toString());
        m.put("updated", updated.toString());
        m.put("created_ms", created.toEpochMilli());
        m.put("modified_ms", updated.toEpochMilli());
        return m;
    }
}
