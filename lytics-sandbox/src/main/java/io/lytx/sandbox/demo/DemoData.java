package io.lytx.sandbox.demo;

import io.lytx.sandbox.collect.EventIngest;
import io.lytx.sandbox.content.ContentLibrary;
import io.lytx.sandbox.content.Document;
import io.lytx.sandbox.filterql.FilterQl;
import io.lytx.sandbox.profile.CollectedEvent;
import io.lytx.sandbox.segment.Segment;
import io.lytx.sandbox.segment.SegmentService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Loads the demo state: the {@link DemoArticles} corpus, the public demo segments and a few
 * profiles. Demo data is not journaled; it is rebuilt at every start and reset, before the
 * journal is replayed, and its segment ids are derived from the slugs so they are stable.
 *
 * <p>Segments (all public, table {@code user} unless noted):
 * <ul>
 *   <li>{@code anonymous_visitors}: neither {@code email} nor {@code user_id} exists;</li>
 *   <li>{@code known_users}: {@code email} or {@code user_id} exists;</li>
 *   <li>{@code frequent_visitors}: {@code visitct >= 5};</li>
 *   <li>{@code new_visitors}: {@code visitct < 2} or no {@code visitct};</li>
 *   <li>{@code interested_<topic>} per demo topic: {@code lytics_content.<topic> >= 0.5}, which
 *       three page views of articles of that topic reach (see
 *       {@link io.lytx.sandbox.profile.ContentAffinity});</li>
 *   <li>{@code <topic>_articles} per topic, table {@code content}: documents with that topic (for
 *       {@code contentsegment}).</li>
 * </ul>
 * Profiles: Ada ({@code ada@example.org}, {@code user_id} {@code demo-ada}, cookie
 * {@code u_demo_ada}: six visits, three finance articles read, then the home page), Grace ({@code grace@example.org},
 * {@code demo-grace}: one visit, one gardening article), Linus ({@code linus@example.org},
 * {@code demo-linus}: three visits, three photography articles) and an anonymous visitor (cookie
 * {@code u_demo_anon}: one visit, two travel articles). Stateless.
 */
public final class DemoData {

    /** When the demo segments were "created". */
    public static final Instant SEGMENTS_CREATED = Instant.parse("2025-01-01T00:00:00Z");
    /** The stream demo events are collected on. */
    public static final String STREAM = "default";

    private DemoData() {
    }

    /**
     * Loads the demo data.
     *
     * @param library  where the articles go; not null
     * @param segments where the segments go; not null
     * @param ingest   where the demo events go; not null
     * @param clock    the clock demo event times are relative to; not null
     */
    public static void load(ContentLibrary library, SegmentService segments, EventIngest ingest, Clock clock) {
        Objects.requireNonNull(library, "library");
        Objects.requireNonNull(segments, "segments");
        Objects.requireNonNull(ingest, "ingest");
        Objects.requireNonNull(clock, "clock");
        for (Document d : DemoArticles.documents()) {
            library.addUnjournaled(d);
        }
        for (Segment s : segments()) {
            segments.putUnjournaled(s);
        }
        ingest.applyUnjournaled(events(clock.instant()));
    }

    /**
     * The demo segments.
     *
     * @return the segments, in creation order
     */
    public static List<Segment> segments() {
        List<Segment> out = new ArrayList<>();
        out.add(segment("anonymous_visitors", "Anonymous visitors", "Visitors we cannot name yet",
                "FILTER AND (NOT EXISTS email, NOT EXISTS user_id) FROM user ALIAS anonymous_visitors", "user", 0));
        out.add(segment("known_users", "Known users", "Visitors with an email or a user id",
                "FILTER OR (EXISTS email, EXISTS user_id) FROM user ALIAS known_users", "user", 1));
        out.add(segment("frequent_visitors", "Frequent visitors", "Five visits or more",
                "FILTER visitct >= 5 FROM user ALIAS frequent_visitors", "user", 2));
        out.add(segment("new_visitors", "New visitors", "Fewer than two visits",
                "FILTER OR (visitct < 2, NOT EXISTS visitct) FROM user ALIAS new_visitors", "user", 3));
        int i = 4;
        for (String topic : DemoArticles.TOPICS) {
            out.add(segment("interested_" + topic, "Interested in " + topic,
                    "Topic affinity for " + topic + " of 0.5 or more (three articles read)",
                    "FILTER lytics_content." + topic + " >= 0.5 FROM user ALIAS interested_" + topic, "user", i++));
        }
        for (String topic : DemoArticles.TOPICS) {
            out.add(segment(topic + "_articles", topic + " articles", "Articles about " + topic,
                    "FILTER topics = \"" + topic + "\" FROM content ALIAS " + topic + "_articles", "content", i++));
        }
        return out;
    }

    private static Segment segment(String slug, String name, String description, String ql, String table, int order) {
        Instant created = SEGMENTS_CREATED.plusSeconds(order);
        return new Segment(idOf(slug), name, slug, description, "segment", table, true, ql, List.of("demo"),
                created, created, FilterQl.parse(ql));
    }

    /**
     * The stable id of a demo segment.
     *
     * @param slug the slug
     * @return 32 hex digits
     */
    public static String idOf(String slug) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(("demo-segment:" + slug).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static List<CollectedEvent> events(Instant now) {
        List<CollectedEvent> out = new ArrayList<>();
        Map<String, Object> ada = identity("u_demo_ada", "ada@example.org", "demo-ada");
        ada.put("first_name", "Ada");
        ada.put("last_name", "Lovelace");
        ada.put("city", "London");
        out.add(event(now.minus(Duration.ofDays(20)), ada));
        String[] adaReads = {"emergency-fund", "index-funds", "budgeting-methods"};
        for (int visit = 0; visit < 6; visit++) {
            Map<String, Object> pv = identity("u_demo_ada", null, null);
            pv.put("_e", "pv");
            pv.put("_sesstart", "1");
            pv.put("url", visit < 3 ? DemoArticles.url("finance", adaReads[visit]) : DemoArticles.HOST + "/");
            out.add(event(now.minus(Duration.ofDays(18L - 3L * visit)), pv));
        }
        Map<String, Object> grace = identity("u_demo_grace", "grace@example.org", "demo-grace");
        grace.put("first_name", "Grace");
        grace.put("last_name", "Hopper");
        grace.put("_e", "pv");
        grace.put("url", DemoArticles.url("gardening", "tomatoes-in-pots"));
        out.add(event(now.minus(Duration.ofDays(2)), grace));
        String[] linusReads = {"understanding-exposure", "portrait-lighting", "night-photography"};
        for (int visit = 0; visit < 3; visit++) {
            Map<String, Object> pv = identity("u_demo_linus", "linus@example.org", "demo-linus");
            pv.put("first_name", "Linus");
            pv.put("_e", "pv");
            pv.put("_sesstart", "1");
            pv.put("url", DemoArticles.url("photography", linusReads[visit]));
            out.add(event(now.minus(Duration.ofDays(9L - 4L * visit)), pv));
        }
        for (String slug : new String[] {"packing-light", "jet-lag"}) {
            Map<String, Object> pv = identity("u_demo_anon", null, null);
            pv.put("_e", "pv");
            pv.put("url", DemoArticles.url("travel", slug));
            out.add(event(now.minus(Duration.ofHours(3)), pv));
        }
        return out;
    }

    private static Map<String, Object> identity(String uid, String email, String userId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("_uid", uid);
        if (email != null) {
            m.put("email", email);
        }
        if (userId != null) {
            m.put("user_id", userId);
        }
        return m;
    }

    private static CollectedEvent event(Instant at, Map<String, Object> fields) {
        return new CollectedEvent(STREAM, at.toEpochMilli(), fields);
    }
}
