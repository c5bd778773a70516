package io.lytx.sandbox.segment;

import static org.assertj.core.api.Assertions.assertThat;

import io.lytx.sandbox.content.ContentCorpus;
import io.lytx.sandbox.domain.DomainWriter;
import io.lytx.sandbox.domain.RecordingJournal;
import io.lytx.sandbox.profile.CollectedEvent;
import io.lytx.sandbox.profile.IdentityFields;
import io.lytx.sandbox.profile.ProfileStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MembershipTest {

    private final Clock clock = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);
    private final SegmentRegistry registry = new SegmentRegistry();
    private final ProfileStore profiles = new ProfileStore(IdentityFields.defaults(), new ContentCorpus());
    private final Membership membership = new Membership(registry, profiles, clock);
    private final AtomicInteger ids = new AtomicInteger();
    private final SegmentService service = service();

    private SegmentService service() {
        RecordingJournal journal = new RecordingJournal();
        SegmentService s = new SegmentService(registry, new DomainWriter(journal), clock,
                () -> String.format("%032x", ids.incrementAndGet()));
        s.registerReplay(journal);
        return s;
    }

    private void collect(String uid, Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("_uid", uid);
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        profiles.apply(new CollectedEvent("default", clock.millis(), m));
    }

    private Map<String, Object> profile(String uid) {
        return profiles.find("_uid", uid).orElseThrow().fields();
    }

    @Test
    void membershipFollowsProfileChangesAtOnce() {
        Segment known = service.upsertJson(Map.of("segment_ql", "FILTER EXISTS email", "slug_name", "known", "is_public", true));
        collect("u1", "_e", "pv");
        assertThat(membership.of(profile("u1")).slugs()).containsExactly("all");
        collect("u1", "email", "a@example.org");
        Membership.Memberships m = membership.of(profile("u1"));
        assertThat(m.slugs()).containsExactly("all", "known");
        assertThat(m.ids()).containsExactly(known.id());
    }

    @Test
    void privateSegmentsAppearOnlyAsIds() {
        Segment hidden = service.upsertText("FILTER * ALIAS everyone_private");
        collect("u1", "x", "1");
        Membership.Memberships m = membership.of(profile("u1"));
        assertThat(m.slugs()).containsExactly("all");
        assertThat(m.ids()).containsExactly(hidden.id());
    }

    @Test
    void includeEvaluatesTheNamedSegmentAndAnUnknownSlugIsFalseAndReported() {
        service.upsertText("FILTER visitct >= 2 ALIAS returning");
        Segment loyal = service.upsertText("FILTER AND (INCLUDE returning, EXISTS email) ALIAS loyal");
        Segment broken = service.upsertText("FILTER INCLUDE nowhere ALIAS broken");
        collect("u1", "email", "a@x.org", "_e", "pv", "_sesstart", "1");
        assertThat(membership.isMember(loyal, profile("u1"))).isFalse();
        collect("u1", "_e", "pv", "_sesstart", "1");
        assertThat(membership.isMember(loyal, profile("u1"))).isTrue();
        assertThat(membership.isMember(broken, profile("u1"))).isFalse();
        assertThat(membership.invalidReason(broken)).contains("nowhere");
        assertThat(membership.invalidReason(loyal)).isEmpty();
    }

    @Test
    void membersScanInCreationOrderAfterAPosition() {
        Segment big = service.upsertText("FILTER total > 10 ALIAS big");
        collect("a", "total", "5");
        collect("b", "total", "50");
        collect("c", "total", "500");
        var all = membership.members(big, 0).toList();
        assertThat(all.stream().map(p -> String.valueOf(((List<?>) p.fields().get("_uids")).get(0))).toList())
                .containsExactly("b", "c");
        assertThat(membership.members(big, all.get(0).seq()).toList()).hasSize(1);
    }

    @Test
    void countingSeveralSegmentsInOneScanGivesEachSegmentsOwnCount() {
        Segment known = service.upsertText("FILTER EXISTS email ALIAS known");
        Segment returning = service.upsertText("FILTER visitct >= 2 ALIAS returning");
        Segment loyal = service.upsertText("FILTER AND (INCLUDE returning, INCLUDE known) ALIAS loyal");
        Segment nobody = service.upsertText("FILTER country = \"XX\" ALIAS nobody");
        collect("u1", "email", "a@x.org", "_e", "pv");
        collect("u2", "_e", "pv");
        collect("u2", "_e", "pv", "_sesstart", "1");
        collect("u3", "email", "c@x.org", "_e", "pv");
        assertThat(membership.countMembers(List.of(known, returning, loyal, nobody, known))).containsExactly(2, 1, 0, 0, 2);

        // stitching u2 (2 visits) into u1 (known): one profile, known and returning
        collect("u1", "_uids", List.of("u1", "u2"));
        List<Segment> all = List.of(known, returning, loyal, nobody);
        assertThat(membership.countMembers(all)).containsExactly(2, 1, 1, 0);
        assertThat(all.stream().mapToLong(s -> membership.members(s, 0).count()).toArray()).containsExactly(2, 1, 1, 0);
        assertThat(membership.countMembers(List.of())).isEmpty();
    }
}
