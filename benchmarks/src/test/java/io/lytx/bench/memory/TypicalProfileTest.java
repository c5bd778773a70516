package io.lytx.bench.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.lytx.client.LyticsClient;
import io.lytx.client.content.Recommendation;
import io.lytx.servlet.config.LyticsConfig;
import io.lytx.servlet.internal.profile.Deadline;
import io.lytx.servlet.internal.profile.LookupKey;
import io.lytx.servlet.internal.profile.ProfileResult;
import io.lytx.servlet.internal.profile.ProfileService;
import io.lytx.servlet.ProfileStatus;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The realistic upstream, read through the plugin's own cache path: the profile the memory figure caches
 * really has 30 fields and 10 segments, its recommendations 4 documents, and each visitor is its own.
 */
class TypicalProfileTest {

    @Test
    void theCachedProfileHasThirtyFieldsTenSegmentsAndFourRecommendations() throws Exception {
        // input: two visitors looked up through ProfileService (the plugin's default settings) against
        // ProfileUpstream; must hold: KNOWN, 30 fields besides segments/segments_all, 10 slugs (with "all"),
        // 10 distinct 32-hex ids, the visitor's own id in _uids, 4 recommendations with images, one call each
        try (ProfileUpstream upstream = ProfileUpstream.start(2)) {
            LyticsConfig config = PluginCache.config(upstream.baseUri());
            try (LyticsClient client = PluginCache.client(config);
                 ProfileService service = new ProfileService(client,
                         PluginCache.withLongBudget(PluginCache.settings(config)), 0, null)) {
                String first = VisitorIds.of(1);
                String second = VisitorIds.of(2);
                ProfileResult a = service.profile(new LookupKey("_uid", first), Deadline.after(Duration.ofSeconds(5))).join();
                ProfileResult b = service.profile(new LookupKey("_uid", second), Deadline.after(Duration.ofSeconds(5))).join();
                assertThat(a.status()).isEqualTo(ProfileStatus.KNOWN);
                Set<String> fields = a.entity().fields().asMap().keySet().stream()
                        .filter(name -> !name.equals("segments") && !name.equals("segments_all"))
                        .collect(Collectors.toSet());
                assertThat(fields).hasSize(TypicalProfile.FIELDS);
                assertThat(a.entity().segments()).hasSize(TypicalProfile.SEGMENTS).contains("all");
                assertThat(a.entity().segmentIds()).hasSize(TypicalProfile.SEGMENTS).doesNotHaveDuplicates()
                        .allMatch(id -> id.matches("[0-9a-f]{32}"));
                assertThat(a.entity().fields().strings("_uids")).containsExactly(first);
                assertThat(b.entity().fields().strings("_uids")).containsExactly(second);
                assertThat(a.entity().fields().string("email")).isNotEqualTo(b.entity().fields().string("email"));

                List<Recommendation> recs = service.recommendations(new LookupKey("_uid", first), null,
                        Deadline.after(Duration.ofSeconds(5))).join();
                assertThat(recs).hasSize(TypicalProfile.RECOMMENDATIONS)
                        .allMatch(r -> r.primaryImage().startsWith("https://") && !r.title().isEmpty());
                assertThat(upstream.entityCalls()).isEqualTo(2);
                assertThat(upstream.recommendationCalls()).isEqualTo(1);
            }
        }
    }

    @Test
    void visitorIdsAreDistinctUuidTextOfThirtySixCharacters() {
        // input: ranks 0..9,999 and a rank above 2^48; must hold: distinct, each 36 characters of UUID text
        Set<String> ids = java.util.stream.LongStream.range(0, 10_000).mapToObj(VisitorIds::of).collect(Collectors.toSet());
        assertThat(ids).hasSize(10_000).allMatch(id -> id.length() == 36 && java.util.UUID.fromString(id) != null);
        assertThat(VisitorIds.of(1L << 50)).isNotEqualTo(VisitorIds.of(0));
    }

    @Test
    void theDefaultCacheSizeIsTheConfigurationDefault() {
        // input: ConfigKey's default of lytics.profile.max.entries and a configuration with only the upstream and
        // token; must hold: both are 10,000 and the derived settings keep it
        LyticsConfig config = PluginCache.config(java.net.URI.create("http://127.0.0.1:1/"));
        assertThat(PluginCache.defaultMaxEntries()).isEqualTo(10_000);
        assertThat(PluginCache.settings(config).maxEntries()).isEqualTo(PluginCache.defaultMaxEntries());
    }
}
