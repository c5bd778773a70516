package io.lytx.sandbox.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.lytx.sandbox.SandboxExtension;
import io.lytx.sandbox.SandboxHttp;
import io.lytx.sandbox.SandboxOptions;
import io.lytx.sandbox.demo.DemoArticles;
import io.lytx.sandbox.domain.ListSpellings;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The content API over real HTTP against the embedded sandbox with demo data. */
class ContentHttpTest {

    @RegisterExtension
    static final SandboxExtension lytics = new SandboxExtension(SandboxOptions.defaults().withDemoData(true));

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(SandboxHttp.Reply r) {
        return (List<Map<String, Object>>) (List<?>) r.dataList();
    }

    private static List<Object> objs(Object list) {
        return new ArrayList<>((List<?>) list);
    }

    private static List<Object> urls(List<Map<String, Object>> items) {
        return items.stream().map(m -> m.get("url")).toList();
    }

    @Test
    void userRecommendationsFollowAffinityWithUnvisitedFirst() {
        List<Map<String, Object>> recs = items(lytics.admin().get("/api/content/recommend/user/email/ada@example.org?limit=5"));
        assertThat(recs).hasSize(5);
        assertThat(recs.subList(0, 3)).allSatisfy(r -> {
            assertThat(objs(r.get("topics"))).first().isEqualTo("finance");
            assertThat(r).containsEntry("visited", false).containsEntry("confidence", new BigDecimal("0.5"));
        });
        assertThat(recs.get(0)).containsKeys("title", "description", "primaryimageurl", "imageurls", "author", "created", "id",
                "topic_relevances").doesNotContainKey("primary_image");
        // the image as Lytics answers now, read by its own browser code as `r.primaryimageurl || r.imageurls[0]`
        // (lytics/wordpress-core src/public/js/inlineRecommendation.js; lytics/drupal-core js/src/content-recommendation.ts)
        assertThat(recs).allSatisfy(r -> {
            assertThat(r.get("primaryimageurl")).isInstanceOf(String.class);
            String image = (String) r.get("primaryimageurl");
            assertThat(objs(r.get("imageurls"))).isEqualTo(image.isEmpty() ? List.of() : List.of(image));
        });
        assertThat(recs).anySatisfy(r -> assertThat((String) r.get("primaryimageurl")).startsWith("https://"));

        List<Map<String, Object>> all = items(lytics.admin().get("/api/content/recommend/user/email/ada@example.org?limit=100"));
        int n = all.size();
        assertThat(n).isGreaterThanOrEqualTo(36);
        assertThat(all.subList(n - 3, n)).as("Ada's three finance reads come last")
                .allSatisfy(r -> assertThat(r).containsEntry("visited", true));
        assertThat(all.subList(0, n - 3)).allSatisfy(r -> assertThat(r).containsEntry("visited", false));
        assertThat(items(lytics.admin().get("/api/content/recommend/user/email/ada@example.org?limit=100&visited=false")))
                .hasSize(n - 3);
        assertThat(lytics.admin().get("/api/content/recommend/" + SandboxOptions.DEFAULT_ACCOUNT_ID + "/user/email/ada@example.org?limit=5")
                .data()).as("the public form").isEqualTo(recs);
    }

    @Test
    void contentSegmentAndTopicsRestrictRecommendations() {
        List<Map<String, Object>> cooking = items(lytics.admin().get(
                "/api/content/recommend/user/_uid/u_demo_ada?contentsegment=cooking_articles&limit=10"));
        assertThat(cooking).hasSize(6).allSatisfy(r -> assertThat(objs(r.get("topics"))).contains("cooking"));

        List<String> spellings = ListSpellings.of("topics", List.of("travel", "gardening"));
        Object expected = lytics.admin().get("/api/content/recommend/user/_uid/u_demo_anon?limit=50&" + spellings.get(0)).data();
        assertThat((List<?>) expected).hasSize(15);
        for (String q : spellings) {
            assertThat(lytics.admin().get("/api/content/recommend/user/_uid/u_demo_anon?limit=50&" + q).data()).as(q).isEqualTo(expected);
        }
        assertThat(lytics.admin().get("/api/content/recommend/user/_uid/u_demo_ada?contentsegment=nope").status()).isEqualTo(404);
    }

    @Test
    void anUnknownVisitorGetsTheNewestArticles() {
        List<Map<String, Object>> recs = items(lytics.admin().get("/api/content/recommend/user/_uid/never-seen?limit=3"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> newest = (List<Map<String, Object>>) lytics.admin().get("/api/content/doc?limit=3").dataMap().get("urls");
        assertThat(urls(recs)).isEqualTo(urls(newest));
        assertThat(recs).allSatisfy(r -> {
            assertThat(((BigDecimal) r.get("confidence")).signum()).isZero();
            assertThat(r).containsEntry("visited", false);
        });
    }

    @Test
    void segmentRecommendationsUseTheAudienceAffinity() {
        List<Map<String, Object>> recs = items(lytics.admin().get("/api/content/recommend/segment/interested_photography?limit=4"));
        assertThat(recs).hasSize(4).allSatisfy(r -> assertThat(objs(r.get("topics"))).contains("photography"));
        assertThat(lytics.admin().get("/api/content/recommend/segment/no_such_segment").status()).isEqualTo(404);
    }

    @Test
    void badRecommendationParametersAre400() {
        // input: limit=0 (must be 1..100) and an unknown rank
        assertThat(lytics.admin().get("/api/content/recommend/user/_uid/x?limit=0").status()).isEqualTo(400);
        assertThat(lytics.admin().get("/api/content/recommend/user/_uid/x?rank=best").message()).contains("best");
        assertThat(lytics.admin().get("/api/content/recommend/user/_uid/x?shuffle=perhaps").message()).contains("shuffle");
    }

    @Test
    void documentsByUrlsOrIdsInEverySpellingOrTheNewest() {
        String u1 = "example.org/articles/running/marathon-taper";
        String u2 = "example.org/articles/finance/index-funds";
        List<String> spellings = ListSpellings.of("urls", List.of(u1, u2));
        Map<String, Object> expected = lytics.admin().get("/api/content/doc?" + spellings.get(0)).dataMap();
        assertThat(expected).containsEntry("total", new BigDecimal("2"));
        for (String q : spellings) {
            assertThat(lytics.admin().get("/api/content/doc?" + q).data()).as(q).isEqualTo(expected);
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> docs = (List<Map<String, Object>>) expected.get("urls");
        String id = (String) docs.get(0).get("id");
        assertThat(docs.get(0)).containsEntry("url", u1).containsKey("long_description");
        Map<String, Object> byId = lytics.admin().get("/api/content/doc?ids=" + id).dataMap();
        assertThat(byId).containsEntry("total", new BigDecimal("1"));

        Map<String, Object> newest = lytics.admin().get("/api/content/doc").dataMap();
        assertThat((List<?>) newest.get("urls")).hasSize(10);
        assertThat(((BigDecimal) newest.get("total")).intValue()).isGreaterThanOrEqualTo(36);
    }

    @Test
    void classifyGetDoesNotStoreAndPostAddsToTheCorpus() {
        SandboxHttp.Reply get = lytics.admin().get("/api/content/doc/classify?text=camera%20lens%20aperture%20and%20a%20recipe");
        assertThat(get.dataMap()).containsEntry("topics", List.of("photography", "cooking"));
        SandboxHttp.Reply post = lytics.admin().postJson("/api/content/doc/classify",
                "{\"url\":\"https://example.org/articles/extra/night-lens\",\"title\":\"A lens for the night\","
                        + "\"text\":\"Which camera lens and tripod for stars\"}");
        assertThat(post.status()).isEqualTo(200);
        assertThat(post.dataMap()).containsEntry("url", "example.org/articles/extra/night-lens");
        assertThat(objs(post.dataMap().get("topics"))).containsExactly("photography");
        Map<String, Object> stored = lytics.admin().get("/api/content/doc?urls=example.org/articles/extra/night-lens").dataMap();
        assertThat(stored).containsEntry("total", new BigDecimal("1"));
        SandboxHttp.Reply textOnly = lytics.admin().send("POST", "/api/content/doc/classify", "text/plain", "a tripod for the camera");
        assertThat(textOnly.status()).isEqualTo(200);
        String textUrl = (String) textOnly.dataMap().get("url");
        assertThat(textUrl).startsWith("sandbox.local/text/");
        assertThat(objs(textOnly.dataMap().get("topics"))).containsExactly("photography");
        assertThat(lytics.admin().get("/api/content/doc?urls=" + textUrl).dataMap()).containsEntry("total", new BigDecimal("1"));
        // input: neither a url nor a text: there is nothing to classify
        SandboxHttp.Reply nothing = lytics.admin().postJson("/api/content/doc/classify", "{}");
        assertThat(nothing.status()).isEqualTo(400);
        assertThat(nothing.message()).contains("url").contains("text");
    }

    @Test
    void topicsTopicAndTaxonomyDescribeTheCorpus() {
        List<Object> labels = items(lytics.admin().get("/api/content/topic")).stream().map(t -> t.get("label")).toList();
        assertThat(labels).containsAll(DemoArticles.TOPICS);
        Map<String, Object> running = lytics.admin().get("/api/content/topic/running?limit=2").dataMap();
        @SuppressWarnings("unchecked")
        Map<String, Object> docs = (Map<String, Object>) running.get("docs");
        assertThat(docs).containsEntry("total", new BigDecimal("6"));
        assertThat((List<?>) docs.get("urls")).hasSize(2);
        assertThat(lytics.admin().get("/api/content/topic/knitting").status()).isEqualTo(404);
        Map<String, Object> tax = lytics.admin().get("/api/content/taxonomy").dataMap();
        assertThat(((BigDecimal) tax.get("n")).intValue()).isGreaterThanOrEqualTo(6);
        assertThat((List<?>) tax.get("links")).isNotEmpty();
    }
}
