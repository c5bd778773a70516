package io.lytx.client.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lytx.client.error.LyticsTimeoutException;
import io.lytx.client.testing.LyticsFixtures;
import io.lytx.client.testing.RecordedRequest;
import io.lytx.client.testing.StubLyticsExtension;
import io.lytx.client.testing.StubResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ContentApiTest {

    @RegisterExtension
    final StubLyticsExtension lytics = new StubLyticsExtension();

    @Test
    void recommendForUserSendsEveryOptionAndReadsTolerantFields() {
        lytics.server().enqueue(StubResponse.json(200, LyticsFixtures.RECOMMENDATIONS));

        List<Recommendation> recs = lytics.client().content().recommendForUser("_uid", "u_1", RecommendationQuery.defaults()
                .limit(5).contentSegment("blog_posts").shuffle(true).visited(false).rank("affinity")
                .topics(List.of("running", "trail, mountain")));

        RecordedRequest r = lytics.server().takeRequest();
        assertThat(r.requestLine()).isEqualTo("GET /api/content/recommend/user/_uid/u_1?limit=5&contentsegment=blog_posts"
                + "&shuffle=true&visited=false&rank=affinity&topics=%5B%22running%22,%22trail,%20mountain%22%5D HTTP/1.1");
        assertThat(recs).hasSize(2);
        Recommendation first = recs.get(0);
        assertThat(first.url()).isEqualTo("www.example.org/guides/trail-running");
        assertThat(first.topics()).containsExactly("running", "outdoors");
        assertThat(first.topicRelevances()).containsEntry("running", 1.0).containsEntry("outdoors", 0.62);
        assertThat(first.confidence()).isEqualTo(0.71);
        assertThat(first.visited()).isFalse();
        assertThat(first.id()).isEqualTo("-4312980011223344556");
        Recommendation second = recs.get(1);
        assertThat(second.topicRelevances()).containsEntry("gear", 0.9);
        assertThat(second.confidence()).isEqualTo(0.4);
        assertThat(second.visited()).isTrue();
        assertThat(second.description()).isEmpty();
    }

    @Test
    void theImageIsPrimaryimageurlThenTheFirstOfImageurlsThenTheOlderPrimaryImage() {
        // Lytics' current answers carry `primaryimageurl` and `imageurls`, which its own browser code reads as
        // `r.primaryimageurl || r.imageurls[0]` (lytics/wordpress-core src/public/js/inlineRecommendation.js;
        // lytics/drupal-core js/src/content-recommendation.ts reads `rec.imageurls[0]`); the 2016 shape has
        // `primary_image` (lytics/go-lytics mock/json/get_user_content_recommendation.json, read by
        // lytics/pathforajs src/rollup/inline/proc-recommend-elements.js). Input: one item of each shape, one
        // with an empty primaryimageurl, one with an empty first imageurls entry, one with none at all.
        lytics.server().enqueue(StubResponse.json(200, """
                {"data":[
                 {"url":"a","primaryimageurl":"https://i.example.org/a.jpg","imageurls":["https://i.example.org/a2.jpg"],"primary_image":"https://i.example.org/old.jpg"},
                 {"url":"b","imageurls":["https://i.example.org/b.jpg","https://i.example.org/b2.jpg"],"primary_image":"https://i.example.org/old.jpg"},
                 {"url":"c","primaryimageurl":"","imageurls":["https://i.example.org/c.jpg"]},
                 {"url":"d","primary_image":"http://www.testwebsite.com/img/image.png"},
                 {"url":"e","primaryimageurl":"","imageurls":[""],"primary_image":"https://i.example.org/e.jpg"},
                 {"url":"f","imageurls":[]}
                ],"message":"success","status":200}"""));
        List<Recommendation> recs = lytics.client().content().recommendForUser("_uid", "u_1", RecommendationQuery.defaults());
        assertThat(recs).extracting(Recommendation::primaryImage).containsExactly("https://i.example.org/a.jpg",
                "https://i.example.org/b.jpg", "https://i.example.org/c.jpg", "http://www.testwebsite.com/img/image.png",
                "https://i.example.org/e.jpg", "");
    }

    @Test
    void recommendForUserAsyncCompletesAndItsTimeoutCutsAHangingCall() throws Exception {
        lytics.server().enqueue(StubResponse.json(200, LyticsFixtures.RECOMMENDATIONS));
        assertThat(lytics.client().content().recommendForUserAsync("email", "a@b.c", RecommendationQuery.defaults(),
                Duration.ofSeconds(5)).toCompletableFuture().get()).hasSize(2);

        lytics.server().enqueue(StubResponse.hang());
        CompletableFuture<List<Recommendation>> f = lytics.client().content().recommendForUserAsync("email", "a@b.c",
                RecommendationQuery.defaults(), Duration.ofMillis(200)).toCompletableFuture();
        assertThatThrownBy(f::get).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(LyticsTimeoutException.class);
    }

    @Test
    void rollupsAndRawFilterQl() {
        lytics.server().enqueue(StubResponse.json(200, LyticsFixtures.RECOMMENDATIONS));

        lytics.client().content().recommendForUser("_uid", "u_1", RecommendationQuery.defaults()
                .rollups(List.of("Outdoors")).ql("FILTER language = \"en\""));

        assertThat(lytics.server().takeRequest().requestLine()).isEqualTo("GET /api/content/recommend/user/_uid/u_1"
                + "?rollups=Outdoors&ql=FILTER%20language%20%3D%20%22en%22 HTTP/1.1");
    }

    @Test
    void recommendForSegment() {
        lytics.server().enqueue(StubResponse.json(200, LyticsFixtures.RECOMMENDATIONS));

        assertThat(lytics.client().content().recommendForSegment("frequent_visitors", RecommendationQuery.defaults().rank("popular")))
                .extracting(Recommendation::title).containsExactly("Trail running for beginners", "Shoes");
        assertThat(lytics.server().takeRequest().requestLine())
                .isEqualTo("GET /api/content/recommend/segment/frequent_visitors?rank=popular HTTP/1.1");
    }

    @Test
    void documentsByUrl() {
        lytics.server().enqueue(StubResponse.json(200, "{\"status\":200,\"message\":\"success\",\"data\":{\"total\":\"1\",\"urls\":["
                + "{\"url\":\"www.example.org/a\",\"title\":\"A\",\"topics\":[\"x\"],\"id\":\"42\",\"wordct\":\"300\"}]}}"));

        DocumentPage page = lytics.client().content().documents(List.of("www.example.org/a", "www.example.org/b"), List.of(), 10);

        assertThat(lytics.server().takeRequest().requestLine())
                .isEqualTo("GET /api/content/doc?urls=www%2Eexample%2Eorg%2Fa,www%2Eexample%2Eorg%2Fb&limit=10 HTTP/1.1");
        assertThat(page.total()).isEqualTo(1);
        assertThat(page.documents()).singleElement().satisfies(d -> {
            assertThat(d.title()).isEqualTo("A");
            assertThat(d.fields().longValue("wordct")).hasValue(300);
        });
    }

    @Test
    void classifyGetOnlyClassifiesAndPostAddsToTheCorpus() {
        String body = "{\"status\":200,\"message\":\"success\",\"data\":{\"id\":\"7\",\"httpstatus\":200,"
                + "\"tags\":[{\"type\":\"topic\",\"value\":\"running\",\"relevance\":0.8}],\"primary_image\":\"i.jpg\"}}";
        lytics.server().enqueue(StubResponse.json(200, body));
        lytics.server().enqueue(StubResponse.json(200, body));
        lytics.server().enqueue(StubResponse.json(200, body));

        assertThat(lytics.client().content().classifyUrl("https://www.example.org/a?b=c").string("primary_image")).contains("i.jpg");
        assertThat(lytics.client().content().classifyAndAdd("https://www.example.org/a").longValue("httpstatus")).hasValue(200);
        lytics.client().content().classifyAndAddText("Trail running shoes");

        assertThat(lytics.server().takeRequest().requestLine()).isEqualTo(
                "GET /api/content/doc/classify?url=https%3A%2F%2Fwww%2Eexample%2Eorg%2Fa%3Fb%3Dc HTTP/1.1");
        assertThat(lytics.server().takeRequest().requestLine()).isEqualTo(
                "POST /api/content/doc/classify?url=https%3A%2F%2Fwww%2Eexample%2Eorg%2Fa HTTP/1.1");
        RecordedRequest text = lytics.server().takeRequest();
        assertThat(text.method()).isEqualTo("POST");
        assertThat(text.bodyText()).isEqualTo("Trail running shoes");
    }

    @Test
    void topicsAndTaxonomy() {
        lytics.server().enqueue(StubResponse.json(200, "{\"status\":200,\"message\":\"success\",\"data\":["
                + "{\"label\":\"running\",\"doc_count\":12,\"total\":100,\"missing\":40,\"present\":60,\"avg\":0.3,\"tags\":[]}]}"));
        lytics.server().enqueue(StubResponse.json(200, "{\"status\":200,\"message\":\"success\",\"data\":{\"n\":2,"
                + "\"nodes\":[{\"name\":\"running\",\"doc_count\":12},{\"name\":\"shoes\",\"doc_count\":\"5\"}],"
                + "\"links\":[{\"source\":0,\"target\":1,\"value\":0.5}]}}"));
        lytics.server().enqueue(StubResponse.json(200, "{\"status\":200,\"message\":\"success\",\"data\":{\"topics\":{\"total\":3},"
                + "\"docs\":{\"total\":1,\"urls\":[]}}}"));

        assertThat(lytics.client().content().topics(50)).containsExactly(new Topic("running", 12, 100, 40, 60, 0.3, List.of()));
        Taxonomy t = lytics.client().content().taxonomy(100);
        assertThat(t.nodes()).containsExactly(new Taxonomy.Node("running", 12), new Taxonomy.Node("shoes", 5));
        assertThat(t.links()).containsExactly(new Taxonomy.Link(0, 1, 0.5));
        assertThat(lytics.client().content().topic("trail running").map("topics")).isEqualTo(Map.of("total", new java.math.BigDecimal("3")));

        assertThat(lytics.server().takeRequest().requestLine()).isEqualTo("GET /api/content/topic?limit=50 HTTP/1.1");
        assertThat(lytics.server().takeRequest().requestLine()).isEqualTo("GET /api/content/taxonomy?limit=100 HTTP/1.1");
        assertThat(lytics.server().takeRequest().requestLine()).isEqualTo("GET /api/content/topic/trail%20running HTTP/1.1");
    }

    @Test
    void badOptionsFailFast() {
        // input: limit 0, blank rank, null query; must: fail naming the parameter, no request sent
        assertThatThrownBy(() -> RecommendationQuery.defaults().limit(0)).hasMessageContaining("limit");
        assertThatThrownBy(() -> RecommendationQuery.defaults().rank(" ")).hasMessageContaining("rank");
        assertThatThrownBy(() -> lytics.client().content().recommendForUser("_uid", "u", null)).hasMessageContaining("query");
        assertThatThrownBy(() -> lytics.client().content().recommendForUser("", "u", RecommendationQuery.defaults()))
                .hasMessageContaining("field");
        assertThat(lytics.server().requestCount()).isZero();
    }
}
