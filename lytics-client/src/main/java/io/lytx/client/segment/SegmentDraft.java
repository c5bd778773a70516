package io.lytx.client.segment;

import io.lytx.client.internal.Args;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON body of a segment create or update. Immutable, thread-safe; unset (null) members are
 * not sent.
 *
 * @param name        display name
 * @param segmentQl   FilterQL text
 * @param slugName    slug
 * @param isPublic    whether the slug shows in profiles
 * @param description description
 * @param tags        tags
 * @param kind        kind, e.g. {@code segment}
 * @param table       table, e.g. {@code user}
 */
public record SegmentDraft(String name, String segmentQl, String slugName, Boolean isPublic, String description,
                           List<String> tags, String kind, String table) {

    /**
     * @param name      display name; not blank
     * @param segmentQl FilterQL; not blank
     * @return a draft with only those two members
     */
    public static SegmentDraft of(String name, String segmentQl) {
        return new SegmentDraft(Args.notBlank(name, "name"), Args.notBlank(segmentQl, "segmentQl"), null, null, null,
                null, null, null);
    }

    /**
     * @param slug slug; not blank
     * @return a copy with {@code slug_name}
     */
    public SegmentDraft withSlug(String slug) {
        return new SegmentDraft(name, segmentQl, Args.notBlank(slug, "slug"), isPublic, description, tags, kind, table);
    }

    /**
     * @param pub whether public
     * @return a copy with {@code is_public}
     */
    public SegmentDraft withPublic(boolean pub) {
        return new SegmentDraft(name, segmentQl, slugName, pub, description, tags, kind, table);
    }

    /** @return the members with Lytics' JSON names, nulls left out */
    Map<String, Object> toJsonMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "name", name);
        put(m, "segment_ql", segmentQl);
        put(m, "slug_name", slugName);
        put(m, "is_public", isPublic);
        put(m, "description", description);
        put(m, "tags", tags);
        put(m, "kind", kind);
        put(m, "table", table);
        return m;
    }

    private static void put(Map<String, Object> m, String k, Object v) {
        if (v != null) {
            m.put(k, v);
        }
    }
}
