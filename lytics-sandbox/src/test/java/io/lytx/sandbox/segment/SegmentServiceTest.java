package io.lytx.sandbox.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lytx.sandbox.domain.DomainWriter;
import io.lytx.sandbox.domain.RecordingJournal;
import io.lytx.sandbox.http.ApiError;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SegmentServiceTest {

    private final Clock clock = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);
    private final RecordingJournal journal = new RecordingJournal();
    private final SegmentRegistry registry = new SegmentRegistry();
    private final AtomicInteger nextId = new AtomicInteger();
    private final SegmentService service = newService(registry, journal);

    private SegmentService newService(SegmentRegistry reg, RecordingJournal j) {
        SegmentService s = new SegmentService(reg, new DomainWriter(j), clock,
                () -> String.format("%032x", nextId.incrementAndGet()));
        s.registerReplay(j);
        return s;
    }

    private static ApiError apiError(Runnable r) {
        try {
            r.run();
        } catch (ApiError e) {
            return e;
        }
        throw new AssertionError("expected an ApiError");
    }

    @Test
    void textIsNamedByAliasAndUpsertsBySlug() {
        Segment first = service.upsertText("FILTER visitct > 3 FROM user ALIAS regulars");
        assertThat(first.slug()).isEqualTo("regulars");
        assertThat(first.table()).isEqualTo("user");
        assertThat(first.id()).hasSize(32);

        Segment second = service.upsertText("FILTER visitct > 5 ALIAS regulars");
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.ql()).isEqualTo("FILTER visitct > 5 ALIAS regulars");
        assertThat(registry.all()).hasSize(1);
    }

    @Test
    void textWithoutAliasOrWithBadSyntaxIsRefusedWithThePosition() {
        // input: no ALIAS; a text segment cannot be named otherwise
        assertThat(apiError(() -> service.upsertText("FILTER visitct > 3")).getMessage()).contains("ALIAS");
        // input: an unclosed AND on line 2; the error must say where
        ApiError e = apiError(() -> service.upsertText("FILTER AND (\n  visitct > 3,\n ALIAS x"));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.getMessage()).startsWith("Invalid SegmentQL: ").containsPattern("line \\d+, column \\d+");
        assertThat(registry.all()).isEmpty();
        assertThat(journal.size()).as("a refused change is not journaled").isZero();
    }

    @Test
    void jsonTakesSlugNameThenAliasThenSlugifiedName() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Big Spenders!");
        body.put("segment_ql", "FILTER total > 100");
        body.put("is_public", true);
        body.put("tags", List.of("vip"));
        Segment s = service.upsertJson(body);
        assertThat(s.slug()).isEqualTo("big_spenders");
        assertThat(s.isPublic()).isTrue();
        assertThat(s.tags()).containsExactly("vip");

        Segment byAlias = service.upsertJson(Map.of("segment_ql", "FILTER EXISTS email ALIAS with_email"));
        assertThat(byAlias.slug()).isEqualTo("with_email");
        assertThat(byAlias.name()).isEqualTo("with_email");
    }

    @Test
    void badJsonFieldsAreRefusedNamingTheField() {
        assertThat(apiError(() -> service.upsertJson(Map.of("name", "x"))).getMessage()).contains("segment_ql");
        assertThat(apiError(() -> service.upsertJson(Map.of("segment_ql", "FILTER *", "slug_name", "s", "is_public", "maybe")))
                .getMessage()).contains("is_public");
        assertThat(apiError(() -> service.upsertJson(Map.of("segment_ql", "FILTER *", "slug_name", "s", "table", "orders")))
                .getMessage()).contains("orders");
        assertThat(apiError(() -> service.upsertJson(Map.of("segment_ql", "FILTER *", "slug_name", "bad slug")))
                .getMessage()).contains("bad slug");
    }

    @Test
    void updateKeepsAbsentFieldsAndRefusesATakenSlug() {
        Segment a = service.upsertJson(Map.of("segment_ql", "FILTER *", "slug_name", "a", "description", "first"));
        service.upsertJson(Map.of("segment_ql", "FILTER *", "slug_name", "b"));
        Segment updated = service.update(a.id(), Map.of("name", "Renamed"));
        assertThat(updated.description()).isEqualTo("first");
        assertThat(updated.name()).isEqualTo("Renamed");
        ApiError e = apiError(() -> service.update("a", Map.of("slug_name", "b")));
        assertThat(e.getMessage()).isEqualTo("Slug is already used.");
        assertThat(apiError(() -> service.update("zzz", Map.of())).status()).isEqualTo(404);
    }

    @Test
    void includeCyclesAreRefused() {
        service.upsertText("FILTER INCLUDE b ALIAS a");
        service.upsertText("FILTER visitct > 1 ALIAS b");
        ApiError e = apiError(() -> service.upsertText("FILTER INCLUDE a ALIAS b"));
        assertThat(e.getMessage()).contains("INCLUDE cycle: b -> a -> b");
        assertThat(registry.bySlug("b").orElseThrow().ql()).isEqualTo("FILTER visitct > 1 ALIAS b");
    }

    @Test
    void batchDeleteIsAllOrNothing() {
        Segment a = service.upsertText("FILTER * ALIAS a");
        service.upsertText("FILTER * ALIAS b");
        assertThat(apiError(() -> service.delete(List.of(a.id(), "missing"))).status()).isEqualTo(404);
        assertThat(registry.all()).hasSize(2);
        service.delete(List.of(a.id(), "b"));
        assertThat(registry.all()).isEmpty();
    }

    @Test
    void replayingTheJournalRebuildsTheSameSegments() {
        service.upsertText("FILTER visitct > 3 ALIAS regulars");
        Segment vip = service.upsertJson(Map.of("segment_ql", "FILTER total > 100", "slug_name", "vip", "is_public", true));
        service.upsertText("FILTER * ALIAS gone");
        service.delete(List.of("gone"));
        service.update(vip.id(), Map.of("description", "big"));

        RecordingJournal copy = journal.copyRecords();
        SegmentRegistry rebuilt = new SegmentRegistry();
        newService(rebuilt, copy);
        copy.replay();

        assertThat(rebuilt.all()).usingRecursiveFieldByFieldElementComparator().isEqualTo(registry.all());
        assertThat(rebuilt.find("vip").orElseThrow().description()).isEqualTo("big");
    }
}
