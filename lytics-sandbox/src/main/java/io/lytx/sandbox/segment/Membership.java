package io.lytx.sandbox.segment;

import io.lytx.sandbox.content.Document;
import io.lytx.sandbox.filterql.EvalContext;
import io.lytx.sandbox.filterql.Expr;
import io.lytx.sandbox.profile.ProfileStore;
import io.lytx.sandbox.profile.StoredProfile;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Evaluates segment membership live, at read time, so membership follows every profile change at
 * once and date math ({@code "now-7d"}) moves with the clock.
 *
 * <p>{@code INCLUDE other} evaluates {@code other} on the same profile; an include cycle (which
 * the segment API refuses to save) or an unknown slug evaluates to false. One entity lookup
 * evaluates every user segment on one profile (microseconds); sizes and scans evaluate one segment
 * over every profile (linear in the number of profiles). Thread-safe.
 */
public final class Membership {

    private static final ThreadLocal<Set<String>> EVALUATING = ThreadLocal.withInitial(HashSet::new);

    private final SegmentRegistry registry;
    private final ProfileStore profiles;
    private final Clock clock;

    /**
     * Membership over the registry and the profiles.
     *
     * @param registry the segments; not null
     * @param profiles the profiles; not null
     * @param clock    the clock of date math; not null
     */
    public Membership(SegmentRegistry registry, ProfileStore profiles, Clock clock) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Whether an entity (a profile or a document's fields) matches a filter.
     *
     * @param filter the filter; not null
     * @param entity the entity's fields; not null
     * @return true when it matches; false on any evaluation failure
     */
    public boolean matches(Expr filter, Map<String, Object> entity) {
        return test(filter, entity, context(clock.instant()));
    }

    /** An evaluation context fixed at one instant; INCLUDE goes through the cycle guard. */
    private EvalContext context(Instant now) {
        return new EvalContext() {
            @Override
            public Instant now() {
                return now;
            }

            @Override
            public boolean isMember(String segmentSlug, Map<String, Object> profile) {
                return registry.bySlug(segmentSlug).map(s -> guarded(s, profile, this)).orElse(false);
            }
        };
    }

    private static boolean test(Expr filter, Map<String, Object> entity, EvalContext ctx) {
        try {
            return filter.test(entity, ctx);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private boolean guarded(Segment s, Map<String, Object> entity, EvalContext ctx) {
        Set<String> evaluating = EVALUATING.get();
        if (!evaluating.add(s.slug())) {
            return false;
        }
        try {
            return s.parsed().filter().test(entity, ctx);
        } catch (RuntimeException e) {
            return false;
        } finally {
            evaluating.remove(s.slug());
            if (evaluating.isEmpty()) {
                EVALUATING.remove(); // no entry left on a thread the sandbox does not own
            }
        }
    }

    /**
     * Whether an entity is in a saved segment.
     *
     * @param segment the segment; not null
     * @param entity  the entity's fields; not null
     * @return the membership
     */
    public boolean isMember(Segment segment, Map<String, Object> entity) {
        return guarded(segment, entity, context(clock.instant()));
    }

    /**
     * The user segments a profile is in.
     *
     * @param profile the profile's fields; not null
     * @return the public slugs (with {@code all} first) and the ids of every segment it is in
     */
    public Memberships of(Map<String, Object> profile) {
        EvalContext ctx = context(clock.instant());
        List<String> slugs = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        slugs.add("all");
        for (Segment s : registry.ofTable("user")) {
            if (guarded(s, profile, ctx)) {
                ids.add(s.id());
                if (s.isPublic() && !s.slug().equals("all")) {
                    slugs.add(s.slug());
                }
            }
        }
        return new Memberships(List.copyOf(slugs), List.copyOf(ids));
    }

    /**
     * The content segments a document is in.
     *
     * @param doc the document; not null
     * @return the public slugs (with {@code all} first) and the ids
     */
    public Memberships ofDocument(Document doc) {
        Map<String, Object> fields = doc.toWire();
        List<String> slugs = new ArrayList<>(List.of("all"));
        List<String> ids = new ArrayList<>();
        for (Segment s : registry.ofTable("content")) {
            if (isMember(s, fields)) {
                ids.add(s.id());
                if (s.isPublic()) {
                    slugs.add(s.slug());
                }
            }
        }
        return new Memberships(List.copyOf(slugs), List.copyOf(ids));
    }

    /**
     * The profiles matching a filter after a scan position, in scan order (lazy).
     *
     * @param filter   the filter; not null
     * @param afterSeq the last position already returned (0 at the start)
     * @return the members
     */
    public Stream<StoredProfile> members(Expr filter, long afterSeq) {
        EvalContext ctx = context(clock.instant());
        return profiles.scan(afterSeq).filter(p -> test(filter, p.fields(), ctx));
    }

    /**
     * The members of a saved user segment after a scan position.
     *
     * @param segment  the segment; not null
     * @param afterSeq the last position already returned
     * @return the members
     */
    public Stream<StoredProfile> members(Segment segment, long afterSeq) {
        EvalContext ctx = context(clock.instant());
        return profiles.scan(afterSeq).filter(p -> guarded(segment, p.fields(), ctx));
    }

    /**
     * Counts the members of several saved user segments in one scan of the profiles: each profile
     * is read once and tested against every segment while it is at hand, instead of one scan per
     * segment. All segments are evaluated at the same instant.
     *
     * @param segments the user segments, repeats allowed; not null
     * @return the member counts, index for index
     */
    public long[] countMembers(List<Segment> segments) {
        List<Segment> list = List.copyOf(segments);
        long[] counts = new long[list.size()];
        if (list.isEmpty()) {
            return counts;
        }
        EvalContext ctx = context(clock.instant());
        profiles.scan(0).forEach(p -> {
            for (int i = 0; i < counts.length; i++) {
                if (guarded(list.get(i), p.fields(), ctx)) {
                    counts[i]++;
                }
            }
        });
        return counts;
    }

    /**
     * The test of a content segment over documents.
     *
     * @param segment the segment; not null
     * @return the predicate
     */
    public Predicate<Document> documentTest(Segment segment) {
        return d -> isMember(segment, d.toWire());
    }

    /**
     * Why a segment cannot be fully evaluated: it includes a segment that does not exist.
     *
     * @param segment the segment; not null
     * @return the reason, empty when valid
     */
    public String invalidReason(Segment segment) {
        for (String slug : segment.parsed().filter().includedSegments()) {
            if (registry.bySlug(slug).isEmpty()) {
                return "INCLUDE names an unknown segment: " + slug;
            }
        }
        return "";
    }

    /**
     * The segments one entity is in.
     *
     * @param slugs public slugs, {@code all} first
     * @param ids   ids of every segment it is in
     */
    public record Memberships(List<String> slugs, List<String> ids) {
    }
}
