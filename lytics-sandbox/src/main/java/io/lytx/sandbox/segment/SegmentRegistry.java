package io.lytx.sandbox.segment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The saved segments, by id and by slug.
 *
 * <p>Thread-safe: changes synchronize on the registry; reads are lock-free (the ordered lists are
 * immutable snapshots rebuilt on each change, so the per-lookup segment evaluation does not sort).
 */
public final class SegmentRegistry {

    private final Map<String, Segment> byId = new ConcurrentHashMap<>();
    private final Map<String, Segment> bySlug = new ConcurrentHashMap<>();
    private volatile List<Segment> ordered = List.of();
    private volatile Map<String, List<Segment>> byTable = Map.of();

    /** An empty registry. */
    public SegmentRegistry() {
    }

    /**
     * Stores a segment, replacing the one with the same id (and dropping its old slug).
     *
     * @param s the segment; not null
     */
    public synchronized void put(Segment s) {
        Objects.requireNonNull(s, "s");
        Segment old = byId.put(s.id(), s);
        if (old != null && !old.slug().equals(s.slug())) {
            bySlug.remove(old.slug());
        }
        bySlug.put(s.slug(), s);
        rebuild();
    }

    /**
     * Removes a segment.
     *
     * @param id the id
     * @return the removed segment, if it existed
     */
    public synchronized Optional<Segment> remove(String id) {
        Segment old = byId.remove(id);
        if (old != null) {
            bySlug.remove(old.slug());
            rebuild();
        }
        return Optional.ofNullable(old);
    }

    /** Removes every segment. */
    public synchronized void clear() {
        byId.clear();
        bySlug.clear();
        rebuild();
    }

    private void rebuild() {
        List<Segment> out = new ArrayList<>(byId.values());
        out.sort(Comparator.comparing(Segment::created).thenComparing(Segment::slug));
        ordered = List.copyOf(out);
        Map<String, List<Segment>> tables = new HashMap<>();
        for (Segment s : out) {
            tables.computeIfAbsent(s.table(), t -> new ArrayList<>()).add(s);
        }
        tables.replaceAll((t, l) -> List.copyOf(l));
        byTable = Map.copyOf(tables);
    }

    /**
     * A segment by id or slug.
     *
     * @param idOrSlug an id or a slug; null gives empty
     * @return the segment, if any
     */
    public Optional<Segment> find(String idOrSlug) {
        if (idOrSlug == null) {
            return Optional.empty();
        }
        Segment s = byId.get(idOrSlug);
        return s != null ? Optional.of(s) : Optional.ofNullable(bySlug.get(idOrSlug));
    }

    /**
     * A segment by slug only.
     *
     * @param slug the slug
     * @return the segment, if any
     */
    public Optional<Segment> bySlug(String slug) {
        return slug == null ? Optional.empty() : Optional.ofNullable(bySlug.get(slug));
    }

    /**
     * Every segment, oldest first (ties by slug).
     *
     * @return an immutable list
     */
    public List<Segment> all() {
        return ordered;
    }

    /**
     * The segments of one table, oldest first.
     *
     * @param table {@code user} or {@code content}
     * @return an immutable list
     */
    public List<Segment> ofTable(String table) {
        return byTable.getOrDefault(table, List.of());
    }
}
