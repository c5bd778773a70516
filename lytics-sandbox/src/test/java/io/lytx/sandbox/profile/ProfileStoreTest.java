package io.lytx.sandbox.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.lytx.sandbox.content.ContentCorpus;
import io.lytx.sandbox.content.Document;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileStoreTest {

    private static final long T0 = Instant.parse("2025-03-01T10:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000;

    private final ContentCorpus corpus = new ContentCorpus();
    private final ProfileStore store = new ProfileStore(IdentityFields.defaults(), corpus);

    private static Map<String, Object> fields(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private boolean apply(long ts, Object... kv) {
        return store.apply(new CollectedEvent("default", ts, fields(kv)));
    }

    private Map<String, Object> profile(String field, String value) {
        return store.find(field, value).orElseThrow().fields();
    }

    private Document doc(String url, String topic) {
        Document d = Document.of(url, "t", "d", "b", Map.of(topic, 1.0), "", "", Instant.EPOCH, "");
        corpus.add(d);
        return d;
    }

    @Test
    void admissibleCountsTheLeadingEventsThatFitUnderTheProfileLimit() {
        // input: a store limited to 5 profiles holding 3 (u1..u3); batches of events of new and known
        // visitors; must hold: as many leading events fit as leave the store at 5 profiles at most,
        // events of known visitors (or of visitors new earlier in the batch) always fit
        ProfileStore small = new ProfileStore(IdentityFields.defaults(), corpus, 5);
        for (String uid : List.of("u1", "u2", "u3")) {
            small.apply(new CollectedEvent("default", T0, fields("_uid", uid)));
        }
        java.util.function.Function<String[], List<CollectedEvent>> batch = uids -> java.util.Arrays.stream(uids)
                .map(u -> new CollectedEvent("default", T0, fields("_uid", u))).toList();
        assertThat(small.admissible(batch.apply(new String[] {"n1", "n2"}))).isEqualTo(2);
        assertThat(small.admissible(batch.apply(new String[] {"n1", "n2", "n3"}))).isEqualTo(2);
        assertThat(small.admissible(batch.apply(new String[] {"u1", "n1", "u2", "n1", "n2", "u3", "n3"}))).isEqualTo(6);
        assertThat(small.admissible(List.of(new CollectedEvent("default", T0, fields("plan", "pro")),
                new CollectedEvent("default", T0, fields("_uid", "n1"))))).isEqualTo(2);
    }

    @Test
    void scalarsKeepTheLatestValueAndUidsAccumulateAsASet() {
        apply(T0, "_uid", "u1", "email", "pat@example.org", "plan", "free");
        apply(T0 + 1, "email", "pat@example.org", "_uid", "u2", "plan", "pro");
        apply(T0 + 2, "email", "pat@example.org", "_uid", "u1");

        Map<String, Object> p = profile("email", "pat@example.org");
        assertThat(p.get("plan")).isEqualTo("pro");
        assertThat(p.get("_uids")).isEqualTo(List.of("u1", "u2"));
        assertThat(store.size()).isEqualTo(1);
        assertThat(profile("_uid", "u2")).isEqualTo(p);
        assertThat(profile("_uids", "u1")).isEqualTo(p);
    }

    @Test
    void anEventCarryingTwoIdentitiesStitchesTheirProfiles() {
        apply(T0, "_uid", "anon-1", "_e", "pv", "url", "example.org/a", "color", "blue");
        apply(T0 + 5 * MINUTE, "email", "kim@example.org", "_e", "pv", "url", "example.org/b", "color", "red");
        assertThat(store.size()).isEqualTo(2);

        apply(T0 + 90 * MINUTE, "_uid", "anon-1", "email", "kim@example.org", "_e", "login");

        assertThat(store.size()).isEqualTo(1);
        Map<String, Object> byCookie = profile("_uid", "anon-1");
        assertThat(profile("email", "kim@example.org")).isEqualTo(byCookie);
        assertThat(byCookie.get("color")).as("the most recently updated fragment wins").isEqualTo("red");
        assertThat(byCookie.get("visitct")).as("1 + 1 visits stitched, then a new visit after 85 min").isEqualTo(3L);
        assertThat(byCookie.get("firstvisit_ts")).isEqualTo(Instant.ofEpochMilli(T0));
        assertThat(byCookie.get("lastvisit_ts")).isEqualTo(Instant.ofEpochMilli(T0 + 90 * MINUTE));
        assertThat(store.scan(0).count()).isEqualTo(1);
    }

    @Test
    void visitsStartWithSesstartOrAfterThirtyMinutesOfInactivity() {
        apply(T0, "_uid", "v", "_e", "pv", "url", "x.org/1");
        apply(T0 + 10 * MINUTE, "_uid", "v", "_e", "pv", "url", "x.org/2");
        assertThat(profile("_uid", "v").get("visitct")).isEqualTo(1L);
        apply(T0 + 15 * MINUTE, "_uid", "v", "_e", "pv", "url", "x.org/3", "_sesstart", "1");
        assertThat(profile("_uid", "v").get("visitct")).isEqualTo(2L);
        apply(T0 + 45 * MINUTE, "_uid", "v", "_e", "pv", "url", "x.org/4");
        assertThat(profile("_uid", "v").get("visitct")).isEqualTo(3L);
        apply(T0 + 50 * MINUTE, "_uid", "v", "plan", "gold");
        assertThat(profile("_uid", "v").get("visitct")).as("an attribute-only event is no activity").isEqualTo(3L);
    }

    @Test
    void threePageViewsOfOneTopicReachAffinityOneHalfAndCountHashedUrls() {
        Document a = doc("https://example.org/articles/running/a", "running");
        Document b = doc("example.org/articles/running/b", "running");
        Document c = doc("example.org/articles/running/c", "running");

        apply(T0, "_uid", "r", "_e", "pv", "url", "example.org/articles/running/a");
        assertThat(affinity("running")).isCloseTo(0.25, within(1e-9));
        apply(T0 + 1, "_uid", "r", "url", "http://example.org/articles/running/b?utm_source=x");
        assertThat(affinity("running")).isCloseTo(0.4, within(1e-9));
        apply(T0 + 2, "_uid", "r", "_e", "pv", "url", "localhost:8080/shop/articles/running/c");
        assertThat(affinity("running")).as("exactly 3/(3+3)").isEqualTo(0.5);
        apply(T0 + 3, "_uid", "r", "_e", "pv", "url", "example.org/articles/running/a");
        apply(T0 + 4, "_uid", "r", "_e", "pv", "url", "example.org/not-in-corpus");
        apply(T0 + 5, "_uid", "r", "_e", "click", "url", "example.org/articles/running/b");

        assertThat(profile("_uid", "r").get("hashedurls"))
                .isEqualTo(Map.of(a.id(), 2L, b.id(), 1L, c.id(), 1L));
        assertThat(corpus.viewCount(a.id())).isEqualTo(2);
    }

    private double affinity(String topic) {
        return ((Number) ((Map<?, ?>) profile("_uid", "r").get("lytics_content")).get(topic)).doubleValue();
    }

    @Test
    void anEventWhoseEidWasSeenIsNotAppliedTwice() {
        assertThat(apply(T0, "_uid", "d", "_eid", "e-1", "_e", "pv", "url", "x.org")).isTrue();
        assertThat(apply(T0 + 1, "_uid", "d", "_eid", "e-1", "_e", "pv", "url", "x.org", "_sesstart", "t")).isFalse();
        assertThat(profile("_uid", "d").get("visitct")).isEqualTo(1L);
    }

    @Test
    void transportAndComputedFieldsAreNotStoredAsAttributes() {
        apply(T0, "_uid", "t", "_ts", "123", "_v", "3", "visitct", "999", "segments", List.of("x"), "name", "Tom");
        Map<String, Object> p = profile("_uid", "t");
        assertThat(p).containsOnlyKeys("name", "_uids");
    }

    @Test
    void emailLookupsIgnoreCaseAndNumericIdsAreText() {
        apply(T0, "email", "Ada@Example.ORG", "user_id", new BigDecimal("42"));
        assertThat(store.find("email", "ada@example.org")).isPresent();
        assertThat(store.find("user_id", "42")).isPresent();
        assertThat(store.find("email", "nobody@example.org")).isEmpty();
        assertThat(store.find("first_name", "Ada")).as("not an identity field").isEmpty();
    }

    @Test
    void listsAreUnionedAndMapsMergedKeyByKey() {
        apply(T0, "_uid", "m", "tags", List.of("a", "b"), "scores", Map.of("x", "1"));
        apply(T0, "_uid", "m", "tags", List.of("b", "c"), "scores", Map.of("y", "2"));
        Map<String, Object> p = profile("_uid", "m");
        assertThat(p.get("tags")).isEqualTo(List.of("a", "b", "c"));
        assertThat(p.get("scores")).isEqualTo(Map.of("x", "1", "y", "2"));
    }

    @Test
    void mobileSdkIdentifiersObjectIdentifiesTheProfile() {
        apply(T0, "identifiers", Map.of("_uid", "dev-1", "email", "m@example.org"), "eventName", "add_to_cart");
        assertThat(profile("email", "m@example.org").get("_uids")).isEqualTo(List.of("dev-1"));
        assertThat(profile("_uid", "dev-1").get("eventName")).isEqualTo("add_to_cart");
    }

    @Test
    void anEventWithoutIdentityCreatesNoProfile() {
        assertThat(apply(T0, "url", "x.org", "_e", "pv")).isTrue();
        assertThat(store.size()).isZero();
    }

    @Test
    void identityFieldsAreConfigurable() {
        ProfileStore custom = new ProfileStore(new IdentityFields(List.of("_uid", "fbuid")), corpus);
        custom.apply(new CollectedEvent("fb", T0, fields("fbuid", "fb-1", "email", "x@example.org")));
        custom.apply(new CollectedEvent("web", T0, fields("_uid", "u-9", "fbuid", "fb-1")));
        assertThat(custom.size()).isEqualTo(1);
        assertThat(custom.find("_uids", "u-9").orElseThrow().fields()).containsEntry("email", "x@example.org");
        assertThat(custom.find("email", "x@example.org")).as("email is not an identity here").isEmpty();
        assertThat(custom.identities().names()).containsExactly("_uids", "fbuid");
    }
}
