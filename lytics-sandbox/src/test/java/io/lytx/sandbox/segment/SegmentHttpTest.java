package io.lytx.sandbox.segment;

import static org.assertj.core.api.Assertions.assertThat;

import io.lytx.sandbox.SandboxExtension;
import io.lytx.sandbox.SandboxHttp;
import io.lytx.sandbox.SandboxOptions;
import io.lytx.sandbox.demo.DemoData;
import io.lytx.sandbox.domain.ListSpellings;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The segment API over real HTTP against the embedded sandbox with demo data. */
class SegmentHttpTest {

    @RegisterExtension
    static final SandboxExtension lytics = new SandboxExtension(SandboxOptions.defaults().withDemoData(true));

    private static SandboxHttp.Reply postText(String path, String text) {
        return lytics.admin().send("POST", path, "text/plain", text);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(SandboxHttp.Reply r) {
        return (List<Map<String, Object>>) (List<?>) r.dataList();
    }

    @Test
    void listsUserOrContentSegmentsAndGetsByIdOrSlug() {
        List<Object> slugs = items(lytics.admin().get("/api/segment")).stream().map(m -> m.get("slug_name")).toList();
        assertThat(slugs).contains("anonymous_visitors", "known_users", "frequent_visitors", "new_visitors",
                "interested_running", "interested_finance").doesNotContain("running_articles");
        List<Object> content = items(lytics.admin().get("/api/segment?table=content")).stream().map(m -> m.get("slug_name")).toList();
        assertThat(content).contains("running_articles").doesNotContain("known_users");

        Map<String, Object> bySlug = lytics.admin().get("/api/segment/known_users").dataMap();
        Map<String, Object> byId = lytics.admin().get("/api/segment/" + DemoData.idOf("known_users")).dataMap();
        assertThat(byId).isEqualTo(bySlug).containsEntry("is_public", true).containsEntry("table", "user")
                .containsEntry("id", DemoData.idOf("known_users"));
        assertThat(lytics.admin().get("/api/segment/no_such_segment").status()).isEqualTo(404);
    }

    @Test
    void theValidParameterSeparatesSegmentsIncludingUnknownSegments() {
        postText("/api/segment", "FILTER INCLUDE not_there ALIAS dangling_http");
        List<Object> invalid = items(lytics.admin().get("/api/segment?valid=false")).stream().map(m -> m.get("slug_name")).toList();
        assertThat(invalid).containsExactly("dangling_http");
        Map<String, Object> dangling = lytics.admin().get("/api/segment/dangling_http").dataMap();
        assertThat(dangling).containsEntry("invalid", true);
        assertThat((String) dangling.get("invalid_reason")).contains("not_there");
        List<Object> valid = items(lytics.admin().get("/api/segment?valid=true")).stream().map(m -> m.get("slug_name")).toList();
        assertThat(valid).contains("known_users").doesNotContain("dangling_http");
        // input: valid=maybe is none of true, false, all
        assertThat(lytics.admin().get("/api/segment?valid=maybe").status()).isEqualTo(400);
    }

    @Test
    void textUpsertsByAliasJsonCreatesAndPutUpdates() {
        SandboxHttp.Reply created = postText("/api/segment", "FILTER visitct >= 3 FROM user ALIAS regulars_http");
        assertThat(created.status()).isEqualTo(201);
        String id = (String) created.dataMap().get("id");
        SandboxHttp.Reply again = postText("/api/segment", "FILTER visitct >= 4 FROM user ALIAS regulars_http");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.dataMap()).containsEntry("id", id).containsEntry("segment_ql", "FILTER visitct >= 4 FROM user ALIAS regulars_http");

        SandboxHttp.Reply json = lytics.admin().postJson("/api/segment", "{\"name\":\"Oslo people\",\"segment_ql\":\"FILTER city = \\\"Oslo\\\"\","
                + "\"slug_name\":\"oslo_http\",\"is_public\":true,\"description\":\"d\",\"tags\":[\"geo\"]}");
        assertThat(json.status()).isEqualTo(201);
        assertThat(json.dataMap()).containsEntry("name", "Oslo people").containsEntry("is_public", true)
                .containsEntry("tags", List.of("geo"));

        SandboxHttp.Reply put = lytics.admin().putJson("/api/segment/oslo_http", "{\"description\":\"people in Oslo\"}");
        assertThat(put.dataMap()).containsEntry("description", "people in Oslo").containsEntry("name", "Oslo people");
    }

    @Test
    void deleteAnswers204AndBatchDeleteTakesIdsInAnySpelling() {
        String a = (String) postText("/api/segment", "FILTER * ALIAS del_a").dataMap().get("id");
        postText("/api/segment", "FILTER * ALIAS del_b");
        postText("/api/segment", "FILTER * ALIAS del_c");
        SandboxHttp.Reply one = lytics.admin().delete("/api/segment/" + a);
        assertThat(one.status()).isEqualTo(204);
        assertThat(lytics.admin().get("/api/segment/" + a).status()).isEqualTo(404);
        assertThat(lytics.admin().delete("/api/segment/" + a).status()).isEqualTo(404);
        assertThat(lytics.admin().delete("/api/segment?ids%5B%5D=del_b&ids%5B%5D=del_c").status()).isEqualTo(204);
        assertThat(lytics.admin().get("/api/segment/del_c").status()).isEqualTo(404);
    }

    @Test
    void validateAnswersNullDataOrTheParseErrorWithItsPosition() {
        SandboxHttp.Reply ok = postText("/api/segment/validate", "FILTER AND (visitct > 1, EXISTS email)");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json()).containsEntry("data", null);
        // input: AND( is never closed; the message must give the parser's line and column
        SandboxHttp.Reply bad = postText("/api/segment/validate", "FILTER AND (\n  visitct > 1,\n  EXISTS email");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.message()).startsWith("Failed parsing segment QL").containsPattern("line \\d+, column \\d+");
    }

    @Test
    void badFilterQlOrABadContentTypeIsRefusedAtCreate() {
        // input: an operator FilterQL does not have
        SandboxHttp.Reply bad = postText("/api/segment", "FILTER visitct ~~ 3 ALIAS broken");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.message()).startsWith("Invalid SegmentQL");
        assertThat(lytics.admin().get("/api/segment/broken").status()).isEqualTo(404);
        // input: XML is neither FilterQL text nor JSON
        assertThat(lytics.admin().send("POST", "/api/segment", "application/xml", "<segment/>").status()).isEqualTo(415);
        // input: JSON with a syntax error
        SandboxHttp.Reply malformed = lytics.admin().postJson("/api/segment", "{\"segment_ql\": }");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.message()).contains("line 1, column");
    }

    @Test
    void sizesTakeIdsInEverySpelling() {
        List<String> ids = List.of(DemoData.idOf("known_users"), DemoData.idOf("anonymous_visitors"));
        List<String> spellings = ListSpellings.of("ids", ids);
        Object expected = lytics.admin().get("/api/segment/sizes?" + spellings.get(0)).data();
        assertThat(items(lytics.admin().get("/api/segment/sizes?" + spellings.get(0))))
                .extracting(m -> m.get("slug_name")).containsExactly("known_users", "anonymous_visitors");
        for (String q : spellings) {
            assertThat(lytics.admin().get("/api/segment/sizes?" + q).data()).as(q).isEqualTo(expected);
        }
        for (String q : ListSpellings.single("ids", ids.get(0))) {
            assertThat(items(lytics.admin().get("/api/segment/sizes?" + q))).as(q).hasSize(1);
        }
        Map<String, Object> one = lytics.admin().get("/api/segment/known_users/size").dataMap();
        assertThat(one).containsEntry("slug_name", "known_users");
        assertThat(((BigDecimal) one.get("size")).intValue()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void allSizesAtOnceEqualEachSegmentsOwnSize() {
        // input: user and content segments mixed
        String ids = "known_users,running_articles,frequent_visitors,interested_finance";
        List<Map<String, Object>> sizes = items(lytics.admin().get("/api/segment/sizes?ids=" + ids));
        assertThat(sizes).extracting(m -> m.get("slug_name")).containsExactly((Object[]) ids.split(","));
        for (Map<String, Object> size : sizes) {
            assertThat(size).as("%s", size.get("slug_name"))
                    .isEqualTo(lytics.admin().get("/api/segment/" + size.get("slug_name") + "/size").dataMap());
        }
        assertThat(((BigDecimal) sizes.get(0).get("size")).intValue()).as("demo known users").isPositive();
    }

    @Test
    void theAdHocSizeIsThrottledToOneCallPerTenSeconds() {
        SandboxHttp.Reply first = postText("/api/segment/size", "FILTER EXISTS email");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.dataMap()).containsEntry("id", "");
        SandboxHttp.Reply second = postText("/api/segment/size", "FILTER EXISTS email");
        assertThat(second.status()).isEqualTo(429);
        assertThat(second.message()).contains("10 seconds");
        assertThat(Integer.parseInt(second.header("Retry-After"))).isBetween(1, 10);
        assertThat(second.json()).containsEntry("data", null).containsEntry("status", new BigDecimal("429"));
    }

    @Test
    void scansPageWithAnOpaqueCursorUntilTheEnd() {
        StringBuilder events = new StringBuilder("[");
        for (int i = 0; i < 25; i++) {
            events.append(i == 0 ? "" : ",").append("{\"_uid\":\"scan-").append(i).append("\",\"cohort\":\"scanners\"}");
        }
        lytics.admin().postJson("/collect/json/web", events.append(']').toString());
        String id = (String) postText("/api/segment", "FILTER cohort = \"scanners\" ALIAS scanners").dataMap().get("id");

        Set<Object> seen = new HashSet<>();
        List<Integer> pageSizes = new ArrayList<>();
        String next = "";
        do {
            SandboxHttp.Reply page = lytics.admin().get("/api/segment/" + id + "/scan?limit=10&fields=_uids,cohort"
                    + (next.isEmpty() ? "" : "&start=" + URLEncoder.encode(next, StandardCharsets.UTF_8)));
            assertThat(page.json()).containsEntry("total", new BigDecimal("25"));
            List<Map<String, Object>> data = items(page);
            pageSizes.add(data.size());
            data.forEach(p -> {
                assertThat(p).containsEntry("cohort", "scanners").containsKeys("_uids", "segments").doesNotContainKey("visitct");
                seen.add(p.get("_uids"));
            });
            next = (String) page.json().get("_next");
        } while (!next.isEmpty());
        assertThat(pageSizes).containsExactly(10, 10, 5);
        assertThat(seen).hasSize(25);

        SandboxHttp.Reply capped = lytics.admin().get("/api/segment/" + id + "/scan?limit=500");
        assertThat(items(capped)).hasSize(25);
        assertThat(capped.json()).containsEntry("_next", "");
        // input: a cursor this server never produced
        assertThat(lytics.admin().get("/api/segment/" + id + "/scan?start=not-a-cursor").status()).isEqualTo(400);
    }

    @Test
    void theScanLimitIsCappedAtOneHundred() {
        StringBuilder events = new StringBuilder("[");
        for (int i = 0; i < 120; i++) {
            events.append(i == 0 ? "" : ",").append("{\"_uid\":\"cap-").append(i).append("\",\"cohort\":\"capped\"}");
        }
        lytics.admin().postJson("/collect/json/web", events.append(']').toString());
        SandboxHttp.Reply page = lytics.admin().get("/api/segment/scan?limit=1000&segments="
                + URLEncoder.encode("FILTER cohort = \"capped\"", StandardCharsets.UTF_8));
        assertThat(items(page)).hasSize(100);
        assertThat((String) page.json().get("_next")).isNotEmpty();
        assertThat(page.json()).containsEntry("total", new BigDecimal("120"));
    }

    @Test
    void contentSegmentsAreSizedAndScannedOverDocuments() {
        Map<String, Object> size = lytics.admin().get("/api/segment/running_articles/size").dataMap();
        assertThat(size).containsEntry("size", new BigDecimal("6"));
        SandboxHttp.Reply first = lytics.admin().get("/api/segment/running_articles/scan?limit=4&fields=url,topics");
        assertThat(items(first)).hasSize(4).allSatisfy(d -> assertThat(d.keySet()).containsExactlyInAnyOrder("url", "topics"));
        assertThat(first.json()).containsEntry("total", new BigDecimal("6"));
        SandboxHttp.Reply second = lytics.admin().get("/api/segment/running_articles/scan?limit=4&start="
                + URLEncoder.encode((String) first.json().get("_next"), StandardCharsets.UTF_8));
        assertThat(items(second)).hasSize(2);
        assertThat(second.json()).containsEntry("_next", "");
    }

    @Test
    void adHocScanTakesTheTextAsBodyOrParameter() {
        SandboxHttp.Reply body = postText("/api/segment/scan?limit=5", "FILTER email = \"ada@example.org\"");
        assertThat(items(body)).singleElement().satisfies(p -> assertThat(p).containsEntry("first_name", "Ada"));
        SandboxHttp.Reply param = lytics.admin().get("/api/segment/scan?segments="
                + URLEncoder.encode("FILTER email = \"ada@example.org\"", StandardCharsets.UTF_8));
        assertThat(param.data()).isEqualTo(body.data());
    }

    @Test
    void membershipFollowsProfileChangesAtOnce() {
        lytics.admin().postJson("/collect/json/web", "{\"_uid\":\"u_follow\",\"_e\":\"pv\"}");
        @SuppressWarnings("unchecked")
        List<String> before = (List<String>) lytics.admin().get("/api/entity/user/_uid/u_follow").dataMap().get("segments");
        assertThat(before).contains("anonymous_visitors").doesNotContain("known_users");
        lytics.admin().postJson("/collect/json/web", "{\"_uid\":\"u_follow\",\"email\":\"follow@example.org\"}");
        @SuppressWarnings("unchecked")
        List<String> after = (List<String>) lytics.admin().get("/api/entity/user/_uid/u_follow").dataMap().get("segments");
        assertThat(after).contains("known_users").doesNotContain("anonymous_visitors");
    }
}
