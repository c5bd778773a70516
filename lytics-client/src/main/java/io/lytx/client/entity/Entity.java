package io.lytx.client.entity;

import java.util.List;
import java.util.Optional;

/**
 * A profile lookup's result: found or not, segment slugs and ids, fields and table meta.
 * Immutable and thread-safe. Its {@code toString} shows no field values.
 */
public final class Entity {

    private final EntityStatus status;
    private final String message;
    private final List<String> segments;
    private final List<String> segmentIds;
    private final ProfileFields fields;
    private final EntityMeta meta;

    /**
     * @param status     found or not
     * @param message    Lytics' message ({@code success}, {@code Not Found}); null as empty
     * @param segments   public segment slugs ({@code data.segments}); null as empty
     * @param segmentIds ids of every segment ({@code data.segments_all}); null as empty
     * @param fields     the profile; null as empty
     * @param meta       the table meta, or null
     */
    public Entity(EntityStatus status, String message, List<String> segments, List<String> segmentIds,
                  ProfileFields fields, EntityMeta meta) {
        this.status = java.util.Objects.requireNonNull(status, "status must not be null");
        this.message = message == null ? "" : message;
        this.segments = segments == null ? List.of() : List.copyOf(segments);
        this.segmentIds = segmentIds == null ? List.of() : List.copyOf(segmentIds);
        this.fields = fields == null ? ProfileFields.empty() : fields;
        this.meta = meta;
    }

    /** @return {@link EntityStatus#FOUND}, or {@link EntityStatus#NOT_FOUND} for Lytics' placeholder */
    public EntityStatus status() {
        return status;
    }

    /** @return whether a real profile was found */
    public boolean found() {
        return status == EntityStatus.FOUND;
    }

    /** @return Lytics' message, never null */
    public String message() {
        return message;
    }

    /** @return slugs of the public segments the profile is in (includes {@code all}); unmodifiable */
    public List<String> segments() {
        return segments;
    }

    /** @return ids of every segment the profile is in ({@code segments_all}); unmodifiable */
    public List<String> segmentIds() {
        return segmentIds;
    }

    /** @return the profile's fields (empty when not found) */
    public ProfileFields fields() {
        return fields;
    }

    /** @return the table meta, when Lytics sent it */
    public Optional<EntityMeta> meta() {
        return Optional.ofNullable(meta);
    }

    /** @return status, message and segments; no field values */
    @Override
    public String toString() {
        return "Entity[" + status + ", message=" + message + ", segments=" + segments + ", fields=" + fields + "]";
    }
}
