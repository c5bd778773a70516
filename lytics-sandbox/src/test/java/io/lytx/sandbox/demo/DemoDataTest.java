package io.lytx.sandbox.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.lytx.sandbox.content.Document;
import io.lytx.sandbox.domain.DomainModule;
import io.lytx.sandbox.domain.RecordingJournal;
import io.lytx.sandbox.segment.Segment;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoDataTest {

    @Test
    void theCorpusHasSixArticlesPerTopicWithBodiesAndArticleUrls() {
        List<Document> docs = DemoArticles.documents();
        assertThat(docs).hasSize(36);
        Map<String, Long> perTopic = docs.stream().collect(Collectors.groupingBy(d -> d.topics().get(0), Collectors.counting()));
        assertThat(perTopic).hasSize(6).allSatisfy((topic, n) -> assertThat(n).isEqualTo(6L));
        assertThat(docs).allSatisfy(d -> {
            assertThat(d.url()).matches("example\\.org/articles/" + d.topics().get(0) + "/[a-z0-9-]+");
            assertThat(d.title()).isNotBlank();
            assertThat(d.description()).isNotBlank();
            assertThat(d.body()).hasSizeGreaterThan(60);
            assertThat(d.author()).isNotBlank();
        });
        assertThat(docs.stream().map(Document::url).distinct()).hasSize(36);
    }

    @Test
    void segmentIdsAreStableHexAndSlugsCoverEveryTopic() {
        List<Segment> segments = DemoData.segments();
        assertThat(segments).extracting(Segment::slug).contains("anonymous_visitors", "known_users",
                "frequent_visitors", "new_visitors", "interested_running", "interested_finance", "cooking_articles");
        assertThat(segments).allSatisfy(s -> {
            assertThat(s.id()).matches("[0-9a-f]{32}").isEqualTo(DemoData.idOf(s.slug()));
            assertThat(s.isPublic()).isTrue();
        });
    }

    @Test
    void demoProfilesLandInTheirSegments() {
        DomainModule module = DomainModule.create(new RecordingJournal(),
                Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC), "acct", true);
        Map<String, Object> ada = module.profile("email", "ada@example.org").orElseThrow();
        assertThat(ada).containsEntry("first_name", "Ada").containsEntry("user_id", "demo-ada").containsEntry("visitct", 6L);
        assertThat(((Map<?, ?>) ada.get("lytics_content")).get("finance")).isEqualTo(0.5);
        assertThat(module.profile("_uid", "u_demo_anon").orElseThrow()).doesNotContainKey("email");
        assertThat(module.profile("user_id", "demo-grace")).isPresent();
        assertThat(module.profile("email", "linus@example.org")).isPresent();
        assertThat(module.profileCount()).isEqualTo(4);
    }
}
