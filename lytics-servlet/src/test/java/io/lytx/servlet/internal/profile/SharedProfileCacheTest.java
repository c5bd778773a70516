package io.lytx.servlet.internal.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import io.lytx.servlet.ProfileStatus;
import io.lytx.servlet.testing.BlockingLoader;
import io.lytx.servlet.testing.HazelcastNodes;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shared second-level cache on a real distributed cache: two nodes, each a profile service with its
 * own Hazelcast member (started by Hazelcast's JCache provider from the one config file every node is
 * given, as a site would; each node looks the provider up with a class loader of its own, as two web
 * applications do), clustered over TCP on loopback, in front of one Lytics stub that counts the calls.
 */
class SharedProfileCacheTest {

    private static final String PROVIDER = "com.hazelcast.cache.HazelcastMemberCachingProvider";
    private static final ProfileSettings SETTINGS = ProfileSettings.defaults().withBudget(Duration.ofSeconds(2));

    private static HazelcastNodes cluster;
    private final ProfileFixture fixture = new ProfileFixture();
    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeAll
    static void startCluster() {
        cluster = new HazelcastNodes(2);
    }

    @AfterAll
    static void stopCluster() {
        BlockingLoader.release();
        cluster.shutdown();
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
        fixture.close();
        cluster.shutdown();
    }

    private int members;

    private SharedProfileCache shared(URI config, String cacheName, String namespace, Duration readTimeout) {
        // a class loader per node: JCache keeps one provider (here: one Hazelcast member) per loader
        ClassLoader nodeLoader = new java.net.URLClassLoader(new java.net.URL[0], getClass().getClassLoader());
        SharedProfileCache cache = HazelcastNodes.asMember(members++, () -> SharedProfileCache.open(
                new SharedCacheSettings(PROVIDER, null, HazelcastNodes.properties(config), cacheName, readTimeout,
                        namespace),
                nodeLoader, SETTINGS.ttl()));
        opened.add(cache);
        return cache;
    }

    private ProfileService node(SharedProfileCache cache) {
        ProfileService service = new ProfileService(fixture.client, SETTINGS, 0, cache, Ticker.systemTicker());
        opened.add(0, service);
        return service;
    }

    private static ProfileResult lookup(ProfileService node, String uid) {
        return node.profile(new LookupKey("_uid", uid), Deadline.after(Duration.ofSeconds(2))).join();
    }

    @Test
    void oneVisitorOnTwoNodesCostsOneUpstreamCall() {
        String cacheName = "profiles-" + System.nanoTime();
        SharedProfileCache sharedA = shared(cluster.uri(), cacheName, "site", Duration.ofSeconds(1));
        ProfileService a = node(sharedA);
        ProfileService b = node(shared(cluster.uri(), cacheName, "site", Duration.ofSeconds(1)));
        cluster.awaitSafe(2);
        fixture.answerAll(ProfileFixture.found("shared@example.org"));

        // input: the same visitor on node a, then on node b; what must hold: one entity call in all, and
        // node b serves the profile a fetched (from the shared cache, counted as a shared hit)
        ProfileResult first = lookup(a, "visitor-1");
        assertThat(first.status()).isEqualTo(ProfileStatus.KNOWN);
        awaitWritten(sharedA);
        ProfileResult second = lookup(b, "visitor-1");
        assertThat(second.status()).isEqualTo(ProfileStatus.KNOWN);
        assertThat(second.entity().fields().string("email")).contains("shared@example.org");
        assertThat(second.entity().segments()).isEqualTo(first.entity().segments());
        assertThat(fixture.calls("/api/entity")).as("entity calls; node b: %s", b.metrics()).isEqualTo(1);
        assertThat(b.metrics().sharedHits()).isEqualTo(1);
    }

    @Test
    void aNewVisitorIsSharedForTheNegativeTtl() {
        String cacheName = "profiles-" + System.nanoTime();
        SharedProfileCache sharedA = shared(cluster.uri(), cacheName, "site", Duration.ofSeconds(1));
        ProfileService a = node(sharedA);
        ProfileService b = node(shared(cluster.uri(), cacheName, "site", Duration.ofSeconds(1)));
        cluster.awaitSafe(2);
        fixture.answerAll(ProfileFixture.NOT_FOUND);

        assertThat(lookup(a, "newcomer").status()).isEqualTo(ProfileStatus.NEW_VISITOR);
        awaitWritten(sharedA);
        assertThat(lookup(b, "newcomer").status()).isEqualTo(ProfileStatus.NEW_VISITOR);
        assertThat(fixture.calls("/api/entity")).isEqualTo(1);
    }

    @Test
    void sitesWithAnotherNamespaceNeverReadEachOthersProfiles() {
        String cacheName = "profiles-" + System.nanoTime();
        SharedProfileCache sharedOne = shared(cluster.uri(), cacheName, "account-one", Duration.ofSeconds(1));
        ProfileService siteOne = node(sharedOne);
        ProfileService siteTwo = node(shared(cluster.uri(), cacheName, "account-two", Duration.ofSeconds(1)));
        fixture.answerAll(ProfileFixture.found("one@example.org"));

        // input: the same cookie id on two sites (two Lytics accounts) sharing one cache; what must hold:
        // the second site asks its own Lytics and never serves the first site's profile
        lookup(siteOne, "same-id");
        awaitWritten(sharedOne);
        fixture.answerAll(ProfileFixture.found("two@example.org"));
        ProfileResult other = lookup(siteTwo, "same-id");
        assertThat(other.entity().fields().string("email")).contains("two@example.org");
        assertThat(fixture.calls("/api/entity")).isEqualTo(2);
        assertThat(siteTwo.metrics().sharedHits()).isZero();
    }

    @Test
    void aSlowSharedCacheCostsAPageOnlyItsReadTimeout() {
        BlockingLoader.hold();
        ProfileService a = node(shared(cluster.uri(), HazelcastNodes.SLOW_CACHE, "site", Duration.ofMillis(20)));
        fixture.answerAll(ProfileFixture.found("slow@example.org"));

        // input: a shared cache whose every read blocks (read-through loader held); what must hold: the
        // lookup gives up the shared read after its 20 ms slice and is answered by Lytics within the
        // page's budget (not "timeout"), the failed read counted
        ProfileResult r = lookup(a, "visitor-slow");
        BlockingLoader.release();
        assertThat(r.status()).isEqualTo(ProfileStatus.KNOWN);
        assertThat(fixture.calls("/api/entity")).isEqualTo(1);
        assertThat(a.metrics().sharedFailures()).isPositive();
    }

    @Test
    void aSharedCacheThatIsDownLeavesTheNodeOnItsOwnCacheAndLytics() {
        HazelcastNodes alone = new HazelcastNodes(1);
        try {
            ProfileService a = node(shared(alone.uri(), "profiles-down", "site", Duration.ofSeconds(1)));
            fixture.answerAll(ProfileFixture.found("down@example.org"));
            alone.running().forEach(h -> h.getLifecycleService().terminate());

            // input: the node's cache member is gone; what must hold: lookups are answered from Lytics,
            // then from this node's own cache; the shared failures counted, nothing thrown
            assertThat(lookup(a, "visitor-down").status()).isEqualTo(ProfileStatus.KNOWN);
            assertThat(lookup(a, "visitor-down").status()).isEqualTo(ProfileStatus.KNOWN);
            assertThat(fixture.calls("/api/entity")).isEqualTo(1);
            assertThat(a.metrics().sharedFailures()).isPositive();
        } finally {
            alone.shutdown();
        }
    }

    @Test
    void closingANodesSharedCacheStopsTheMemberItStarted() {
        HazelcastNodes alone = new HazelcastNodes(1);
        try {
            SharedProfileCache cache = shared(alone.uri(), "profiles-close", "site", Duration.ofSeconds(1));
            assertThat(alone.running()).hasSize(1);
            // input: the node undeploys (closes its shared cache); what must hold: the member it started from
            // hazelcast.config.location is gone, no thread or cluster membership left behind
            cache.close();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> alone.running().isEmpty());
        } finally {
            alone.shutdown();
        }
    }

    /** Waits until a node's background write of what it fetched has reached the shared cache. */
    private static void awaitWritten(SharedProfileCache cache) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> cache.writes.sum() >= 1);
    }
}
