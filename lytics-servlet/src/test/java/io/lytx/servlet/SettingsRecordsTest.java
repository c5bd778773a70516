package io.lytx.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.lytx.servlet.config.ConfigKey;
import io.lytx.servlet.config.LyticsConfig;
import io.lytx.servlet.internal.bootstrap.BootstrapSettings;
import io.lytx.servlet.internal.collect.CollectorSettings;
import io.lytx.servlet.internal.preview.PreviewSettings;
import io.lytx.servlet.internal.profile.ProfileSettings;
import io.lytx.servlet.internal.profile.SharedCacheSettings;
import io.lytx.servlet.internal.web.FirstPartySettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each component's settings record is made from the parsed config by its own {@code from(LyticsConfig)}. */
class SettingsRecordsTest {

    @Test
    void defaultsOfTheConfigGiveTheRecordsDefaults() {
        // input: a config with every key at its default; must: the records equal their own defaults
        LyticsConfig config = LyticsConfig.builder().build();
        assertThat(ProfileSettings.from(config)).isEqualTo(ProfileSettings.defaults());
        assertThat(ProfileSettings.from(config).recommendationLimit()).isEqualTo(ConfigKey.DEFAULT_RECOMMENDATIONS_LIMIT);
        assertThat(CollectorSettings.from(config).toString()).isEqualTo(CollectorSettings.builder()
                .relayedSharePercent(20).build().toString());
        assertThat(BootstrapSettings.from(config).fields()).isEmpty();
        assertThat(PreviewSettings.from(config)).isEqualTo(PreviewSettings.disabled());
        assertThat(FirstPartySettings.from(config)).isEqualTo(FirstPartySettings.defaults());
    }

    @Test
    void configuredValuesReachTheRecords() {
        // input: budget, lifetimes, cache bound, breaker, limit, stream, queue, batch, linger, share, spool,
        // bootstrap and preview keys; must: each record carries them (the slow-call threshold follows the budget)
        Path spool = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().resolve("lytics-spool");
        LyticsConfig config = LyticsConfig.builder()
                .set("lytics.budget.ms", "80").set("lytics.profile.ttl.s", "20").set("lytics.profile.refresh.s", "5")
                .set("lytics.profile.negative.ttl.s", "3").set("lytics.profile.max.entries", "42")
                .set("lytics.breaker.open.s", "9").set("lytics.recommendations.limit", "7")
                .set("lytics.stream", "crm.orders").set("lytics.queue.max.events", "50")
                .set("lytics.queue.max.bytes", "4096").set("lytics.batch.max.events", "10")
                .set("lytics.batch.linger.ms", "30").set("lytics.endpoints.collect.queue.share", "35")
                .set("lytics.spool.dir", spool.toString()).set("lytics.spool.max.bytes", "2048")
                .set("lytics.bootstrap.fields", "segments").set("lytics.cookie.name", "vid")
                .set("lytics.preview.enabled", "true").set("lytics.preview.role", "editor")
                .build();
        ProfileSettings p = ProfileSettings.from(config);
        assertThat(p.budget()).isEqualTo(Duration.ofMillis(80));
        assertThat(p.slowCallThreshold()).isEqualTo(Duration.ofMillis(64));
        assertThat(p.ttl()).isEqualTo(Duration.ofSeconds(20));
        assertThat(p.refreshAfter()).isEqualTo(Duration.ofSeconds(5));
        assertThat(p.negativeTtl()).isEqualTo(Duration.ofSeconds(3));
        assertThat(p.maxEntries()).isEqualTo(42);
        assertThat(p.openFor()).isEqualTo(Duration.ofSeconds(9));
        assertThat(p.recommendationLimit()).isEqualTo(7);
        CollectorSettings c = CollectorSettings.from(config);
        assertThat(c.stream()).isEqualTo("crm.orders");
        assertThat(c.maxQueueEvents()).isEqualTo(50);
        assertThat(c.maxQueueBytes()).isEqualTo(4096);
        assertThat(c.maxBatchEvents()).isEqualTo(10);
        assertThat(c.linger()).isEqualTo(Duration.ofMillis(30));
        assertThat(c.relayedSharePercent()).isEqualTo(35);
        assertThat(c.spoolDir()).isEqualTo(spool.normalize());
        assertThat(c.spoolMaxBytes()).isEqualTo(2048);
        BootstrapSettings b = BootstrapSettings.from(config);
        assertThat(b.fields()).isEqualTo(List.of("segments"));
        assertThat(b.cookieName()).isEqualTo("vid");
        assertThat(PreviewSettings.from(config)).isEqualTo(new PreviewSettings(true, "editor"));
        assertThat(FirstPartySettings.from(config).identityFields()).isEqualTo(Set.copyOf(config.relayIdentityFields()));
    }

    @Test
    void sharedCacheSettingsCarryTheCacheKeysAndANamespacePerAccount() {
        // input: two configs alike but for the token, and a third alike to the first; must: the cache keys are
        // carried, the namespace differs between accounts and is stable for one, and never contains the token
        LyticsConfig a = LyticsConfig.builder().apiToken("token-a").set("lytics.cache.shared", "jcache")
                .set("lytics.cache.shared.name", "profiles").set("lytics.cache.shared.timeout.ms", "15")
                .set("lytics.cache.shared.properties", "x=1").build();
        LyticsConfig b = LyticsConfig.builder().apiToken("token-b").set("lytics.cache.shared", "jcache").build();
        SharedCacheSettings s = SharedCacheSettings.from(a);
        assertThat(s.cacheName()).isEqualTo("profiles");
        assertThat(s.readTimeout()).isEqualTo(Duration.ofMillis(15));
        assertThat(s.properties()).containsEntry("x", "1");
        assertThat(s.namespace()).hasSize(24).doesNotContain("token");
        assertThat(SharedCacheSettings.from(b).namespace()).isNotEqualTo(s.namespace());
        assertThat(SharedCacheSettings.from(LyticsConfig.builder().apiToken("token-a").build()).namespace())
                .isEqualTo(s.namespace());
    }
}
