package io.lytx.client.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lytx.client.entity.ProfileFields;
import io.lytx.client.error.LyticsBadRequestException;
import io.lytx.client.testing.LyticsFixtures;
import io.lytx.client.testing.RecordedRequest;
import io.lytx.client.testing.StubLyticsExtension;
import io.lytx.client.testing.StubResponse;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SegmentApiTest {

    private static final String SEGMENT_ONE = LyticsFixtures.SEGMENT_LIST
            .replace("\"data\":[", "\"data\":").replace("}]}", "}}");

    @RegisterExtension
    final StubLyticsExtension lytics = new StubLyticsExtension();

    @Test
    void listWithTableAndValid() {
        lytics.server().enqueue(StubResponse.json(200, LyticsFixtures.SEGMENT_LIST));

        List<Segment> segments = lytics.client().segments().list("user", "all");

        assertThat(lytics.server().takeRequest().requestLine()).isEqualTo("GET /api/segment?table=user&valid=all HTTP/1.1");
        assertThat(segments).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo("5d0c1e2f3a4b5c6d7e8f9a0b1c2d3e4f");
            assertThat(s.slugName()).isEqualTo("frequent_visitors");
            assertThat(s.isPublic()).isTrue();
            assertThat(s.segmentQl()).startsWith("FILTER AND (visitct > 5");
            assertThat(s.tags()).containsExactly("web");
            assertThat(s.fields().string("author_id")).contains("0f1e2d3c4b5a69788796a5b4c3d2e1f0");
        });
    }

    @Test
    void getUpsertCreateUpdateDeleteAndValidate() {
        lytics.server().enqueue(StubResponse.json(200, SEGMENT_ONE));
        lytics.server().enqueue(StubResponse.json(201, SEGMENT_ONE));
        lytics.server().enqueue(StubResponse.json(201, SEGMENT_ONE));
        lytics.server().enqueue(StubResponse.json(200, SEGMENT_ONE));
        lytics.server().enqueue(StubResponse.empty(204));
        lytics.server().enqueue(StubResponse.json(200, "{\"status\":200,\"message\":\"success\",\"data\":null}"));
        lytics.server().enqueue(StubResponse.json(400, LyticsFixtures.error(400, "Failed parsing segment QL: unexpected token")));

        assertThat(lytics.client().segments().get("frequent_visitors").name()).isEqualTo("Frequent Visitors");
        lytics.client().segments().upsert("FILTER visitct > 5 FROM user ALIAS frequent_visitors");
        lytics.client().segments().create(SegmentDraft.of("Frequent", "FILTER visitct > 5").withSlug("frequent").withPublic(true));
        lytics.client().segments().update("5d0c1e2f3a4b5c6d7e8f9a0b1c2d3e4f", SegmentDraft.of("Frequent", "FILTER visitct > 9"));
        lytics.client().segments().delete("5d0c1e2f3a4b5c6d7e8f9a0b1c2d3e4f");
        lytics.client().segments().validate("FILTER *");
        assertThatThrownBy(() -> lytics.client().segments().validate("FILTER AND ("))
                .isInstanceOfSatisfying(LyticsBadRequestException.class,
                        e -> assertThat(e.lyticsMessage()).startsWith("Failed parsing segment QL"));

        assertThat(lytics.server().takeRequest().requestLine()).isEqualTo("GET /api/segment/frequent_visitors HTTP/1.1");
        RecordedRequest upsert = lytics.server().takeRequest();
        assertThat(upsert.requestLine()).isEqualTo("POST /api/segment HTTP/1.1");
        assertThat(upsert.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(upsert.bodyText()).isEqualTo("FILTER visitct > 5 FROM user ALIAS frequent_visitors");
        RecordedRequest create = lytics.server().takeRequest();
        assertThat(create.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(create.bodyText()).isEqualTo(
                "{\"name\":\"Frequent\",\"segment_ql\":\"FILTER visitct > 5\",\"slug_name\":\"frequent\",\"is_public\":true}");
        RecordedRequest update = lytics.server().takeRequest();
        assertThat(update.requestLine()).isEqualTo("PUT /api/segment/5d0c1e2f3a4b5c6d7e8f9a0b1c2d3e4f HTTP/1.1");
        assertThat(update.bodyText()).isEqualTo("{\"name\":\"Frequent\",\"segment_ql\":\"FILTER visitct > 9\"}");
        assertThat(lytics.server().takeRequest().requestLine()).isEqualTo("DELETE /api/segment/5d0c1e2f3a4b5c6d7e8f9a0b1c2d3e4f HTTP/1.1");
        RecordedRequest validate = lytics.server().takeRequest();
        assertThat(validate.requestLine()).isEqualTo("POST /api/segment/validate HTTP/1.1");
        assertThat(validate.bodyText()).isEqualTo("FILTER *");
    }

    @Test
    void sizesInBothShapes() {
        lytics.server().enqueue(StubResponse.json(200, "{\"status\":200,\"message\":\"success\",\"data\":"
                + "{\"id\":\"abc\",\"name\":\"Frequent\",\"slug_name\":\"frequent\",\"size\":\"1234\"}}"));
        lytics.server().enqueue(StubResponse.json(200, "{\"status\":200,\"message\":\"success\",\"data\":[77]}"));
        lytics.server().enqueue(StubResponse.json(200, "{\"status\":200,\"message\":\"success\",\"data\":{\"id\":\"\",\"name\":\"adhoc\","
                + "\"slug_name\":\"\",\"size\":5}}"));
        lytics.server().enqueue(StubResponse.json(200, "{\"status\":200,\"message\":\"success\",\"data\":["
                + "{\"id\":\"a\",\"name\":\"A\",\"slug_name\":\"a\",\"size\":1},{\"id\":\"b\",\"name\":\"B\",\"slug_name\":\"b\",\"size\":2}]}"));

        assertThat(lytics.client().segments().size("abc")).isEqualTo(new SegmentSize("abc", "Frequent", "frequent", 1234));
        assertThat(lytics.client().segments().size("frequent")).isEqualTo(new SegmentSize("frequent", "", "", 77));
        assertThat(lytics.client().segments().sizeOf("FILTER visitct > 1").size()).isEqualTo(5);
        assertThat(lytics.client().segments().sizes(List.of("a", "b"))).extracting(SegmentSize::size).containsExactly(1L, 2L);

        assertThat(lytics.server().takeRequest().requestLine()).isEqualTo("GET /api/segment/abc/size HTTP/1.1");
        lytics.server().takeRequest();
        assertThat(lytics.server().takeRequest().requestLine()).isEqualTo("POST /api/segment/size HTTP/1.1");
        assertThat(lytics.server().takeRequest().requestLine()).isEqualTo("GET /api/segment/sizes?ids=a,b HTTP/1.1");
    }

    @Test
    void scanWalksThreePagesThroughTheCursorAndStopsOnEmptyNext() {
        lytics.server().enqueue(StubResponse.json(200, LyticsFixtures.scanPage("c2Nhbi0wMDAy", 5, "a@x.org", "b@x.org")));
        lytics.server().enqueue(StubResponse.json(200, LyticsFixtures.scanPage("c2Nhbi0wMDAz", 5, "c@x.org", "d@x.org")));
        lytics.server().enqueue(StubResponse.json(200, LyticsFixtures.scanPage("", 5, "e@x.org")));

        List<String> emails = lytics.client().segments().scan("frequent_visitors", ScanQuery.defaults().limit(2)
                        .fields(List.of("email")))
                .map(p -> p.string("email").orElseThrow()).collect(Collectors.toList());

        assertThat(emails).containsExactly("a@x.org", "b@x.org", "c@x.org", "d@x.org", "e@x.org");
        assertThat(lytics.server().requests()).extracting(RecordedRequest::target).containsExactly(
                "/api/segment/frequent_visitors/scan?limit=2&fields=email",
                "/api/segment/frequent_visitors/scan?limit=2&fields=email&start=c2Nhbi0wMDAy",
                "/api/segment/frequent_visitors/scan?limit=2&fields=email&start=c2Nhbi0wMDAz");
    }

    @Test
    void scanStopsWhenARepeatedCursorGivesAPageThatAddsNothing() {
        String page = LyticsFixtures.scanPage("same", 2, "a@x.org", "b@x.org");
        lytics.server().enqueue(StubResponse.json(200, page));
        lytics.server().enqueue(StubResponse.json(200, page));
        lytics.server().enqueue(StubResponse.json(200, page));

        assertThat(lytics.client().segments().scan("s", ScanQuery.defaults()).count()).isEqualTo(2);
        assertThat(lytics.server().requestCount()).isEqualTo(2);
    }

    @Test
    void scanIsLazyAndFetchesTheNextPageOnlyWhenNeeded() {
        lytics.server().enqueue(StubResponse.json(200, LyticsFixtures.scanPage("n1", 4, "a@x.org", "b@x.org")));
        lytics.server().enqueue(StubResponse.json(200, LyticsFixtures.scanPage("", 4, "c@x.org", "d@x.org")));

        try (Stream<ProfileFields> s = lytics.client().segments().scan("s", ScanQuery.defaults())) {
            Iterator<ProfileFields> it = s.iterator();
            assertThat(lytics.server().requestCount()).isZero();
            it.next();
            it.next();
            assertThat(lytics.server().requestCount()).isEqualTo(1);
            it.next();
            assertThat(lytics.server().requestCount()).isEqualTo(2);
        }
    }

    @Test
    void scanStopsOnAnEmptyPageEvenWithACursor() {
        lytics.server().enqueue(StubResponse.json(200, LyticsFixtures.scanPage("n1", 0)));

        assertThat(lytics.client().segments().scan("s", ScanQuery.defaults()).count()).isZero();
        assertThat(lytics.server().requestCount()).isEqualTo(1);
    }

    @Test
    void adHocScanPostsTheFilterQlOnEveryPage() {
        lytics.server().enqueue(StubResponse.json(200, LyticsFixtures.scanPage("n1", 2, "a@x.org")));
        lytics.server().enqueue(StubResponse.json(200, LyticsFixtures.scanPage("", 2, "b@x.org")));

        assertThat(lytics.client().segments().scanAdHoc("FILTER email LIKE \"*@x.org\"", ScanQuery.defaults().limit(1)).count())
                .isEqualTo(2);

        assertThat(lytics.server().requests()).allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.bodyText()).isEqualTo("FILTER email LIKE \"*@x.org\"");
        }).extracting(RecordedRequest::target)
                .containsExactly("/api/segment/scan?limit=1", "/api/segment/scan?limit=1&start=n1");
    }

    @Test
    void scanPageExposesTotalAndNext() {
        lytics.server().enqueue(StubResponse.json(200, LyticsFixtures.scanPage("abc", 3, "a@x.org")));

        ScanPage page = lytics.client().segments().scanPage("s", ScanQuery.defaults(), null);

        assertThat(page.next()).contains("abc");
        assertThat(page.total()).hasValue(3);
    }

    @Test
    void limitOver100IsRefused() {
        // input: limit 101 (Lytics' max is 100); must: fail naming limit
        assertThatThrownBy(() -> ScanQuery.defaults().limit(101)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit");
    }
}
