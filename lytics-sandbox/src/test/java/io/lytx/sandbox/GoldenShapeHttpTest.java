package io.lytx.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.lytx.client.testing.GoldenAnswers;
import io.lytx.sandbox.http.JsonInput;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each sandbox endpoint answers with the keys and JSON types of Lytics' published answer
 * ({@link GoldenAnswers}, each citing its source): every key the sandbox sends exists in the golden
 * answer with the same JSON type (string, number, boolean, object, array, null), and every golden
 * key the sandbox leaves out is listed here, so a difference is a decision, not an accident. Maps
 * whose keys are data (profile fields, {@code hourly}, {@code topic_relevances}, ...) are compared
 * by the types of their values. The rows of the README's fidelity table point here.
 */
class GoldenShapeHttpTest {

    @RegisterExtension
    static final SandboxExtension lytics = new SandboxExtension(SandboxOptions.defaults().withDemoData(true));

    /** Maps whose keys are data, per kind of answer. */
    private static final Set<String> PROFILE = Set.of("data");
    private static final Set<String> PROFILES = Set.of("data[]");
    private static final Set<String> OTHER = Set.of("data[].topic_relevances", "data.urls[].topic_relevances",
            "data.docs.urls[].topic_relevances", "data.fields[].terms_counts");

    /** Keys of Lytics' answers the sandbox does not send (legacy or account-management details). */
    private static final List<String> SEGMENT_MISSING = List.of("missing data.aid", "missing data.short_id",
            "missing data.public_name", "missing data.author_id");
    private static final List<String> IMAGES_MISSING = List.of("primaryimageurl", "imageurls");

    @BeforeAll
    static void collect() {
        lytics.admin().postJson("/api/auth/createtoken", "{\"label\":\"shape\",\"scopes\":[\"observer\"]}");
        lytics.admin().postJson("/collect/json/default", "{\"_uid\":\"u_golden\",\"email\":\"golden@example.org\","
                + "\"score_intensity\":41,\"timezone\":-5,\"app_ismobile\":true,\"hourly\":{\"3\":11},"
                + "\"url\":\"example.org/articles/gardening/" + "x\",\"_e\":\"pv\"}");
    }

    static Stream<Arguments> endpoints() {
        return Stream.of(
                Arguments.of("GET /api/entity/user/email/golden@example.org", GoldenAnswers.ENTITY, List.of(), PROFILE),
                Arguments.of("GET /api/entity/user/email/ada@example.org", GoldenAnswers.ENTITY, List.of(), PROFILE),
                Arguments.of("GET /api/entity/user/email/nobody@example.org", GoldenAnswers.ENTITY_NOT_FOUND, List.of(), OTHER),
                Arguments.of("GET /api/me/1/u_demo_ada?fields=first_name", GoldenAnswers.ENTITY,
                        List.of("missing meta"), PROFILE),
                Arguments.of("GET /api/schema/user", GoldenAnswers.CATALOG_USER, List.of(), OTHER),
                Arguments.of("GET /api/schema/user/fieldinfo?fields=visitct", GoldenAnswers.FIELD_INFO, List.of(), OTHER),
                Arguments.of("GET /api/segment/known_users", GoldenAnswers.SEGMENT, SEGMENT_MISSING, OTHER),
                Arguments.of("GET /api/segment", GoldenAnswers.SEGMENTS, SEGMENT_MISSING.stream()
                        .map(s -> s.replace("data.", "data[].")).toList(), OTHER),
                Arguments.of("GET /api/segment/known_users/size", GoldenAnswers.SEGMENT_SIZE, List.of(), OTHER),
                Arguments.of("GET /api/segment/sizes?ids=known_users", GoldenAnswers.SEGMENT_SIZES, List.of(), OTHER),
                Arguments.of("POST /api/segment/validate FILTER * FROM user", GoldenAnswers.SEGMENT_VALIDATE, List.of(), OTHER),
                Arguments.of("GET /api/segment/known_users/scan?limit=1", GoldenAnswers.SCAN_PAGE, List.of(), PROFILES),
                Arguments.of("GET /api/content/recommend/user/_uid/u_demo_ada?limit=2", GoldenAnswers.RECOMMENDATIONS,
                        recommendationMissing("data[]."), OTHER),
                Arguments.of("GET /api/content/recommend/1/user/_uid/u_demo_ada?limit=2", GoldenAnswers.RECOMMENDATIONS,
                        recommendationMissing("data[]."), OTHER),
                Arguments.of("GET /api/content/recommend/segment/known_users?limit=2", GoldenAnswers.RECOMMENDATIONS,
                        recommendationMissing("data[]."), OTHER),
                Arguments.of("GET /api/content/doc?limit=2", GoldenAnswers.DOCUMENTS, documentMissing("data.urls[]."), OTHER),
                Arguments.of("GET /api/content/topic/gardening?limit=1", GoldenAnswers.TOPIC,
                        documentMissing("data.docs.urls[]."), OTHER),
                Arguments.of("GET /api/account/current", GoldenAnswers.ACCOUNT, List.of("missing data.parentaid",
                        "missing data.apikey", "missing data.dataapikey", "missing data.masteraid",
                        "missing data.whitelist_fields", "missing data.whitelist_domains"), OTHER),
                Arguments.of("GET /api/user/admin@sandbox.localhost", GoldenAnswers.USER,
                        List.of("missing data.password", "missing data.date"), OTHER),
                Arguments.of("POST /collect/json/default {\"_uid\":\"u_shape\"}", GoldenAnswers.COLLECT, List.of(), OTHER),
                Arguments.of("GET /api/segment?no-token", GoldenAnswers.ERROR_UNAUTHORIZED, List.of(), OTHER),
                Arguments.of("POST /api/segment FILTER EXISTS email FROM user ALIAS shape_created", GoldenAnswers.SEGMENT,
                        SEGMENT_MISSING, OTHER),
                Arguments.of("POST /api/segment/validate FILTER AND (", GoldenAnswers.SEGMENT_VALIDATE_ERROR, List.of(),
                        OTHER),
                Arguments.of("GET /api/segment/size?segments=FILTER%20*%20FROM%20user", GoldenAnswers.SEGMENT_SIZE,
                        List.of(), OTHER),
                Arguments.of("POST /collect/bulk/crm email\nbulk@example.org\n", GoldenAnswers.COLLECT, List.of(), OTHER),
                Arguments.of("GET /api/content/taxonomy", GoldenAnswers.TAXONOMY, List.of(), OTHER),
                Arguments.of("GET /api/content/topic?limit=2", GoldenAnswers.TOPICS, List.of(), OTHER),
                Arguments.of("GET /api/account", GoldenAnswers.ACCOUNTS, List.of("missing data[].parentaid",
                        "missing data[].apikey", "missing data[].dataapikey", "missing data[].masteraid",
                        "missing data[].whitelist_fields", "missing data[].whitelist_domains"), OTHER),
                Arguments.of("GET /api/account/setting/api_ip_whitelist", GoldenAnswers.SETTING, List.of(), OTHER),
                Arguments.of("GET /api/auth", GoldenAnswers.AUTHS, List.of(), OTHER),
                Arguments.of("GET /v2/auth?auth_type=api_token", GoldenAnswers.TOKENS_V2, List.of(), OTHER),
                Arguments.of("GET /api/schema/_streams", GoldenAnswers.STREAMS,
                        List.of("missing data[].fields[].avg", "missing data[].fields[].sumlen"), OTHER));
    }

    /**
     * As documents, and without the 2016 {@code primary_image}: recommendations carry only the current
     * image fields ({@code primaryimageurl}, {@code imageurls}) that Lytics' browser code reads
     * (lytics/wordpress-core src/public/js/inlineRecommendation.js).
     */
    private static List<String> recommendationMissing(String prefix) {
        List<String> out = new ArrayList<>(documentMissing(prefix));
        out.add("missing " + prefix + "primary_image");
        return out;
    }

    /** Image fields belong to the recommendation-image work; {@code updated}, {@code fetched}, {@code meta} are not kept. */
    private static List<String> documentMissing(String prefix) {
        List<String> out = new ArrayList<>();
        for (String k : List.of("updated", "fetched", "meta")) {
            out.add("missing " + prefix + k);
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void theSandboxAnswersWithLyticsKeysAndTypes(String call, String golden, List<String> knownMissing, Set<String> open) {
        String answer = answer(call);
        List<String> diffs = new ArrayList<>();
        compare("", JsonInput.parse(golden), JsonInput.parse(answer), open, diffs);
        // the image fields are being changed by other work: tolerated either way here
        diffs.removeIf(d -> IMAGES_MISSING.stream().anyMatch(d::endsWith));
        assertThat(diffs).as(call + " answered " + answer).containsExactlyInAnyOrderElementsOf(knownMissing);
    }

    private static String answer(String call) {
        String method = call.substring(0, call.indexOf(' '));
        String rest = call.substring(call.indexOf(' ') + 1);
        if (rest.endsWith("?no-token")) {
            return lytics.anonymous().get(rest.substring(0, rest.length() - "?no-token".length())).body();
        }
        if (method.equals("POST")) {
            int sp = rest.indexOf(' ');
            String path = rest.substring(0, sp);
            String body = rest.substring(sp + 1);
            String type = body.startsWith("{") ? "application/json" : path.startsWith("/collect/bulk") ? "application/csv"
                    : "text/plain";
            return lytics.admin().send("POST", path, type, body).body();
        }
        SandboxHttp.Reply r = rest.startsWith("/api/me/1/") || rest.startsWith("/api/content/recommend/1/")
                ? lytics.anonymous().get(rest) : lytics.admin().get(rest);
        assertThat(r.status()).as(call + ": " + r.body()).isEqualTo(200);
        return r.body();
    }

    private static void compare(String path, Object golden, Object actual, Set<String> open, List<String> diffs) {
        if (!type(golden).equals(type(actual))) {
            diffs.add("type " + path + ": " + type(actual) + ", Lytics " + type(golden));
            return;
        }
        if (golden instanceof Map<?, ?> g && actual instanceof Map<?, ?> a) {
            if (open.contains(path)) {
                compareOpen(path, g, a, open, diffs);
                return;
            }
            for (Map.Entry<?, ?> e : a.entrySet()) {
                String p = path.isEmpty() ? String.valueOf(e.getKey()) : path + "." + e.getKey();
                if (!g.containsKey(e.getKey())) {
                    diffs.add("extra " + p);
                } else {
                    compare(p, g.get(e.getKey()), e.getValue(), open, diffs);
                }
            }
            for (Object k : g.keySet()) {
                if (!a.containsKey(k)) {
                    diffs.add("missing " + (path.isEmpty() ? k : path + "." + k));
                }
            }
        } else if (golden instanceof List<?> g && actual instanceof List<?> a && !g.isEmpty()) {
            for (Object item : a) {
                List<String> itemDiffs = new ArrayList<>();
                compare(path + "[]", g.get(0), item, open, itemDiffs);
                itemDiffs.stream().filter(d -> !diffs.contains(d)).forEach(diffs::add);
            }
        }
    }

    /** A map whose keys are data: every value must have a JSON type that Lytics' values have there. */
    private static void compareOpen(String path, Map<?, ?> golden, Map<?, ?> actual, Set<String> open,
                                    List<String> diffs) {
        Set<String> types = new LinkedHashSet<>();
        golden.values().forEach(v -> types.add(type(v)));
        for (Map.Entry<?, ?> e : actual.entrySet()) {
            String p = path + "." + e.getKey();
            Object v = e.getValue();
            Object sameKey = golden.get(e.getKey());
            if (sameKey instanceof Map<?, ?> model && v instanceof Map<?, ?> m) {
                compareOpen(p, model, m, open, diffs); // hourly, hashedurls: their keys are data too
            } else if (sameKey != null) {
                compare(p, sameKey, v, open, diffs);
            } else if (!types.contains(type(v))) {
                diffs.add("type " + p + ": " + type(v) + ", Lytics " + types);
            } else if (v instanceof Map<?, ?> m) {
                Object model = golden.values().stream().filter(x -> x instanceof Map).findFirst().orElseThrow();
                compareOpen(p, (Map<?, ?>) model, m, open, diffs);
            }
        }
    }

    private static String type(Object v) {
        return JsonInput.typeName(v);
    }
}
