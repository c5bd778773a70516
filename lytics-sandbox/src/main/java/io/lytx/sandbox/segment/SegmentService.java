package io.lytx.sandbox.segment;

import io.lytx.sandbox.domain.DomainWriter;
import io.lytx.sandbox.filterql.FilterQl;
import io.lytx.sandbox.filterql.FilterQlSyntaxException;
import io.lytx.sandbox.filterql.ParsedSegment;
import io.lytx.sandbox.http.ApiError;
import io.lytx.sandbox.store.Journal;
import io.lytx.sandbox.store.JournalRecords;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Creates, updates and deletes segments: validates them (FilterQL syntax, table, slug, include
 * cycles), journals each change ({@value #KIND_PUT}, {@value #KIND_DELETE}) and applies it to the
 * {@link SegmentRegistry}; replays journaled changes on start.
 *
 * <p>Creation upserts by slug: FilterQL text is named by its {@code ALIAS}; a JSON body by
 * {@code slug_name}, else the {@code ALIAS} in its {@code segment_ql}, else its name slugified.
 * An existing segment with that slug is updated in place (same id). A refused change changes
 * nothing. Thread-safe (writes go through the {@link DomainWriter}).
 */
public final class SegmentService {

    /** Journal kind of a saved segment. */
    public static final String KIND_PUT = "segment.put";
    /** Journal kind of deleted segments. */
    public static final String KIND_DELETE = "segment.delete";

    private static final Pattern SLUG = Pattern.compile("[A-Za-z0-9_\\-]{1,100}");
    private static final Set<String> TABLES = Set.of("user", "content");

    private final SegmentRegistry registry;
    private final DomainWriter writer;
    private final Clock clock;
    private final Supplier<String> ids;

    /**
     * A service over a registry.
     *
     * @param registry the registry; not null
     * @param writer   the domain writer; not null
     * @param clock    the clock of created/updated times; not null
     * @param ids      supplies new segment ids (32 hex digits); not null
     */
    public SegmentService(SegmentRegistry registry, DomainWriter writer, Clock clock, Supplier<String> ids) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /**
     * Registers the replay handlers.
     *
     * @param journal the journal; not null
     */
    public void registerReplay(Journal journal) {
        journal.register(KIND_PUT, r -> writer.applyOnly(() -> {
            registry.put(fromRecord(r));
            return null;
        }));
        journal.register(KIND_DELETE, r -> writer.applyOnly(() -> {
            for (Object id : (List<?>) r.get("ids")) {
                registry.remove(String.valueOf(id));
            }
            return null;
        }));
    }

    /**
     * Parses FilterQL text.
     *
     * @param ql the text
     * @return the parsed segment
     * @throws ApiError 400 {@code Invalid SegmentQL: <reason at line L, column C>}
     */
    public static ParsedSegment parse(String ql) {
        if (ql == null || ql.isBlank()) {
            throw new ApiError(400, "Invalid SegmentQL: the segment text is empty");
        }
        try {
            return FilterQl.parse(ql);
        } catch (FilterQlSyntaxException e) {
            throw new ApiError(400, "Invalid SegmentQL: " + e.getMessage());
        }
    }

    /**
     * Creates or updates a segment from FilterQL text, named by its {@code ALIAS}.
     *
     * @param ql the text
     * @return the saved segment
     * @throws ApiError 400 on bad text, a missing ALIAS, or an include cycle
     */
    public Segment upsertText(String ql) {
        ParsedSegment parsed = parse(ql);
        if (parsed.alias() == null) {
            throw new ApiError(400, "Invalid SegmentQL: the text must name the segment with ALIAS <slug>");
        }
        String slug = checkSlug(parsed.alias());
        Optional<Segment> existing = registry.bySlug(slug);
        String name = parsed.name() != null ? parsed.name() : existing.map(Segment::name).orElse(slug);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Segment s = new Segment(existing.map(Segment::id).orElseGet(ids), name, slug,
                existing.map(Segment::description).orElse(""), existing.map(Segment::kind).orElse("segment"),
                parsed.table(), existing.map(Segment::isPublic).orElse(false), ql.strip(),
                existing.map(Segment::tags).orElse(List.of()), existing.map(Segment::created).orElse(now), now, parsed);
        return save(s);
    }

    /**
     * Creates or updates a segment from a JSON body.
     *
     * @param body {@code {name, segment_ql, slug_name, is_public, description, tags, kind, table}};
     *             {@code segment_ql} required
     * @return the saved segment
     * @throws ApiError 400 on a missing or bad field
     */
    public Segment upsertJson(Map<String, Object> body) {
        String ql = string(body, "segment_ql");
        if (ql == null || ql.isBlank()) {
            throw new ApiError(400, "field segment_ql is required");
        }
        ParsedSegment parsed = parse(ql);
        String name = string(body, "name");
        String slug = string(body, "slug_name");
        if (slug == null || slug.isBlank()) {
            slug = parsed.alias() != null ? parsed.alias() : name != null ? slugify(name) : null;
        }
        if (slug == null || slug.isBlank()) {
            throw new ApiError(400, "give slug_name, an ALIAS in segment_ql, or a name");
        }
        Optional<Segment> existing = registry.bySlug(checkSlug(slug));
        return save(merge(existing, body, parsed, slug, ql));
    }

    /**
     * Updates a segment; fields absent from the body keep their values (a {@code segment_ql}
     * without {@code FROM} resets the table to {@code user}, as in Lytics).
     *
     * @param idOrSlug the segment
     * @param body     the changed fields
     * @return the saved segment
     * @throws ApiError 404 for an unknown segment; 400 on a bad field or a slug used by another segment
     */
    public Segment update(String idOrSlug, Map<String, Object> body) {
        Segment existing = registry.find(idOrSlug).orElseThrow(() -> new ApiError(404, "segment not found: " + idOrSlug));
        String ql = string(body, "segment_ql");
        ParsedSegment parsed = ql == null ? existing.parsed() : parse(ql);
        String slug = string(body, "slug_name");
        if (slug == null || slug.isBlank()) {
            slug = ql != null && parsed.alias() != null ? parsed.alias() : existing.slug();
        }
        checkSlug(slug);
        Optional<Segment> other = registry.bySlug(slug);
        if (other.isPresent() && !other.get().id().equals(existing.id())) {
            throw new ApiError(400, "Slug is already used.");
        }
        return save(merge(Optional.of(existing), body, parsed, slug, ql == null ? existing.ql() : ql));
    }

    /**
     * Deletes segments, all or none.
     *
     * @param idsOrSlugs the segments; not empty
     * @throws ApiError 404 naming the first unknown segment (then nothing is deleted); 400 when empty
     */
    public void delete(List<String> idsOrSlugs) {
        if (idsOrSlugs.isEmpty()) {
            throw new ApiError(400, "give the segments to delete in ids");
        }
        List<String> found = new ArrayList<>();
        for (String key : idsOrSlugs) {
            found.add(registry.find(key).orElseThrow(() -> new ApiError(404, "segment not found: " + key)).id());
        }
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("ids", found);
        writer.write(KIND_DELETE, record, () -> {
            found.forEach(registry::remove);
            return null;
        });
    }

    /**
     * Saves a segment without journaling it (demo data).
     *
     * @param s the segment; not null
     */
    public void putUnjournaled(Segment s) {
        writer.applyOnly(() -> {
            registry.put(s);
            return null;
        });
    }

    private Segment merge(Optional<Segment> existing, Map<String, Object> body, ParsedSegment parsed, String slug,
                          String ql) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String table = string(body, "table");
        if (table == null || table.isBlank()) {
            table = parsed.table();
        }
        table = table.toLowerCase(Locale.ROOT);
        String name = string(body, "name");
        if (name == null || name.isBlank()) {
            name = parsed.name() != null ? parsed.name() : existing.map(Segment::name).orElse(slug);
        }
        String description = string(body, "description");
        String kind = string(body, "kind");
        Boolean isPublic = bool(body, "is_public");
        List<String> tags = strings(body, "tags");
        return new Segment(existing.map(Segment::id).orElseGet(ids), name, slug,
                description != null ? description : existing.map(Segment::description).orElse(""),
                kind != null && !kind.isBlank() ? kind : existing.map(Segment::kind).orElse("segment"),
                table, isPublic != null ? isPublic : existing.map(Segment::isPublic).orElse(false), ql.strip(),
                tags != null ? tags : existing.map(Segment::tags).orElse(List.of()),
                existing.map(Segment::created).orElse(now), now, parsed);
    }

    private Segment save(Segment s) {
        if (!TABLES.contains(s.table())) {
            throw new ApiError(400, "unknown table '" + s.table() + "': use user or content");
        }
        checkNoCycle(s);
        return writer.write(KIND_PUT, toRecord(s), () -> {
            registry.put(s);
            return s;
        });
    }

    private void checkNoCycle(Segment s) {
        List<String> path = new ArrayList<>();
        path.add(s.slug());
        if (reaches(s, s.slug(), path, new HashSet<>())) {
            throw new ApiError(400, "INCLUDE cycle: " + String.join(" -> ", path));
        }
    }

    private boolean reaches(Segment from, String target, List<String> path, Set<String> seen) {
        for (String slug : from.parsed().filter().includedSegments()) {
            path.add(slug);
            if (slug.equals(target)) {
                return true;
            }
            if (seen.add(slug)) {
                Optional<Segment> next = registry.bySlug(slug);
                if (next.isPresent() && reaches(next.get(), target, path, seen)) {
                    return true;
                }
            }
            path.remove(path.size() - 1);
        }
        return false;
    }

    private static String checkSlug(String slug) {
        if (!SLUG.matcher(slug).matches()) {
            throw new ApiError(400, "invalid slug '" + slug + "': use 1-100 letters, digits, '_' or '-'");
        }
        return slug;
    }

    /**
     * A slug made of a name: lower case, runs of other characters replaced by {@code _}.
     *
     * @param name the name; not null
     * @return the slug
     */
    public static String slugify(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return s.length() > 100 ? s.substring(0, 100) : s;
    }

    private static Map<String, Object> toRecord(Segment s) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", s.id());
        r.put("name", s.name());
        r.put("slug_name", s.slug());
        r.put("description", s.description());
        r.put("kind", s.kind());
        r.put("table", s.table());
        r.put("is_public", s.isPublic());
        r.put("segment_ql", s.ql());
        r.put("tags", s.tags());
        r.put("created_ms", s.created().toEpochMilli());
        r.put("modified_ms", s.updated().toEpochMilli());
        return r;
    }

    private static Segment fromRecord(Map<String, Object> r) {
        String ql = (String) r.get("segment_ql");
        ParsedSegment parsed = FilterQl.parse(ql);
        return new Segment((String) r.get("id"), (String) r.get("name"), (String) r.get("slug_name"),
                (String) r.get("description"), (String) r.get("kind"), (String) r.get("table"),
                Boolean.TRUE.equals(r.get("is_public")), ql, strings(r, "tags"),
                Instant.ofEpochMilli(JournalRecords.longValue(r, "created_ms")),
                Instant.ofEpochMilli(JournalRecords.longValue(r, "modified_ms")),
                parsed);
    }

    private static String string(Map<String, Object> body, String key) {
        Object v = body.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw new ApiError(400, "field " + key + " must be a string");
        }
        return s;
    }

    private static Boolean bool(Map<String, Object> body, String key) {
        Object v = body.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw new ApiError(400, "field " + key + " must be true or false");
    }

    private static List<String> strings(Map<String, Object> body, String key) {
        Object v = body.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof List<?> list)) {
            throw new ApiError(400, "field " + key + " must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof String s)) {
                throw new ApiError(400, "field " + key + " must be an array of strings");
            }
            out.add(s);
        }
        return out;
    }
}
