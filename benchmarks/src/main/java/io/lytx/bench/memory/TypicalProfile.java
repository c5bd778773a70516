package io.lytx.bench.memory;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/**
 * The answers of a realistic Lytics account, as its API writes them: an entity answer of a typical
 * visitor (the envelope with {@code meta}; {@value #FIELDS} profile fields, numbers as strings and
 * {@code "t"} for true as Lytics sends them, an hourly map and a topic map; {@value #SEGMENTS} public
 * segment slugs in {@code segments} and as many 32-hex ids in {@code segments_all}), and a
 * recommendation answer of {@value #RECOMMENDATIONS} documents (with {@code primaryimageurl} and
 * {@code imageurls}). The visitor's own values (ids, email, counts, times) differ per visitor, the rest
 * is the same text for every one. Stateless and thread-safe.
 */
public final class TypicalProfile {

    /** Profile fields in {@code data}, besides {@code segments} and {@code segments_all}. */
    public static final int FIELDS = 30;
    /** Segments the visitor is in (slugs in {@code segments}, ids in {@code segments_all}). */
    public static final int SEGMENTS = 10;
    /** Documents in the recommendation answer. */
    public static final int RECOMMENDATIONS = 4;

    static final List<String> SEGMENT_SLUGS = List.of("all", "known_users", "us_visitors", "engaged",
            "frequent_readers", "newsletter_subscribers", "high_intent", "mobile_users", "returning_visitors",
            "trail_runners");

    private static final byte[] RECOMMENDATION_ANSWER = recommendationJson().getBytes(StandardCharsets.UTF_8);

    private TypicalProfile() {
    }

    /**
     * The entity answer for one visitor.
     *
     * @param visitorId the visitor's {@code _uid} (the cookie id); not null
     * @param number    a number that makes the visitor's own values differ from another's (its rank)
     * @return the JSON text of {@code GET /api/entity/user/_uid/{visitorId}}
     */
    public static String entityJson(String visitorId, long number) {
        StringBuilder segmentIds = new StringBuilder();
        HexFormat hex = HexFormat.of();
        for (int i = 0; i < SEGMENTS; i++) {
            if (i > 0) {
                segmentIds.append(',');
            }
            segmentIds.append('"').append(hex.toHexDigits(0x5e9a000000000000L + i)).append(hex.toHexDigits(0x1d0c0ffeeL * (i + 1)))
                    .append('"');
        }
        StringBuilder slugs = new StringBuilder();
        for (String slug : SEGMENT_SLUGS) {
            slugs.append(slugs.length() == 0 ? "" : ",").append('"').append(slug).append('"');
        }
        long day = 1 + number % 28;
        return "{\"status\":200,\"message\":\"success\","
                + "\"meta\":{\"name\":\"user\",\"format\":\"json\",\"by_fields\":[\"_uids\",\"email\",\"user_id\"]},"
                + "\"data\":{"
                + "\"_uids\":[\"" + visitorId + "\"],"                                         // 1
                + "\"email\":\"reader" + number + "@example.org\","                             // 2
                + "\"user_id\":\"cust-" + number + "\","                                        // 3
                + "\"first_name\":\"Pat\",\"last_name\":\"Reader\","                            // 5
                + "\"city\":\"Portland\",\"state\":\"OR\",\"country\":\"US\","                 // 8
                + "\"timezone\":\"-8\",\"language\":\"en\","                                    // 10
                + "\"visitct\":\"" + (1 + number % 97) + "\","                                  // 11
                + "\"app_pageviewct\":\"" + (3 + number % 911) + "\","                          // 12
                + "\"score_intensity\":\"61\",\"score_consistency\":\"44\",\"score_frequency\":\"38\","
                + "\"score_recency\":\"72\",\"score_momentum\":\"27\",\"score_propensity\":\"55\","  // 18
                + "\"first_visit_ts\":\"2026-03-" + String.format("%02d", day) + "T08:15:00Z\","  // 19
                + "\"last_visit_ts\":\"2026-12-" + String.format("%02d", day) + "T19:42:07Z\","   // 20
                + "\"channels\":[\"web\",\"email\"],"                                           // 21
                + "\"device_types\":[\"desktop\",\"mobile\"],"                                  // 22
                + "\"hourly\":{\"9\":\"3\",\"14\":\"8\",\"20\":\"5\"},"                          // 23
                + "\"lytics_content\":{\"running\":\"0.62\",\"outdoors\":\"0.41\",\"gear\":\"0.18\"},"  // 24
                + "\"utm_source\":\"newsletter\",\"utm_campaign\":\"december-gear\","           // 26
                + "\"last_url\":\"www.example.org/guides/trail-running\","                      // 27
                + "\"browser\":\"chrome\",\"os\":\"mac\","                                      // 29
                + "\"is_subscribed\":\"t\","                                                    // 30
                + "\"segments\":[" + slugs + "],"
                + "\"segments_all\":[" + segmentIds + "]}}";
    }

    /** @return the recommendation answer's bytes (the same for every visitor; do not modify) */
    static byte[] recommendationAnswer() {
        return RECOMMENDATION_ANSWER;
    }

    /** @return the JSON text of a recommendation answer of {@value #RECOMMENDATIONS} documents */
    public static String recommendationJson() {
        StringBuilder out = new StringBuilder("{\"status\":200,\"message\":\"success\",\"data\":[");
        String[] slugs = {"trail-running-for-beginners", "choosing-a-headlamp", "winter-layering", "hydration-on-long-runs"};
        String[] titles = {"Trail running for beginners", "Choosing a headlamp", "Winter layering that works",
            "Hydration on long runs"};
        for (int i = 0; i < RECOMMENDATIONS; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append("{\"url\":\"www.example.org/guides/").append(slugs[i]).append('"')
                    .append(",\"title\":\"").append(titles[i]).append('"')
                    .append(",\"description\":\"What to look for, what to skip, and how to start without spending much.\"")
                    .append(",\"topics\":[\"running\",\"outdoors\",\"gear\"]")
                    .append(",\"topic_relevances\":{\"running\":1,\"outdoors\":0.62,\"gear\":0.35}")
                    .append(",\"primaryimageurl\":\"https://www.example.org/img/").append(slugs[i]).append(".jpg\"")
                    .append(",\"imageurls\":[\"https://www.example.org/img/").append(slugs[i]).append(".jpg\"]")
                    .append(",\"author\":\"A. Writer\",\"created\":\"2026-0").append(i + 1).append("-01T09:00:00Z\"")
                    .append(",\"id\":\"-43129800112233445").append(i).append('"')
                    .append(",\"confidence\":0.").append(9 - i).append(",\"visited\":false}");
        }
        return out.append("]}").toString();
    }
}
