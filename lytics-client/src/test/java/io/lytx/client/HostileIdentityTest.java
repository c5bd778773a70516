package io.lytx.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.lytx.client.content.RecommendationQuery;
import io.lytx.client.entity.EntityQuery;
import io.lytx.client.testing.LyticsFixtures;
import io.lytx.client.testing.RecordedRequest;
import io.lytx.client.testing.StubLyticsExtension;
import io.lytx.client.testing.StubResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Identity values come from cookies and forms: whatever they hold, they must stay one path segment.
 * Each case gives the hostile value and the exact request line that must reach the server.
 */
class HostileIdentityTest {

    @RegisterExtension
    final StubLyticsExtension lytics = new StubLyticsExtension();

    @ParameterizedTest(name = "[{index}] value {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "a/b                    | a%2Fb",
        "..                     | %2E%2E",
        "../../api/account      | %2E%2E%2F%2E%2E%2Fapi%2Faccount",
        "a%2Fb                  | a%252Fb",
        "u_1?fields=secret      | u_1%3Ffields%3Dsecret",
        "u_1#frag               | u_1%23frag",
        "u_1;jsessionid=x       | u_1%3Bjsessionid%3Dx",
        "'pat smith'            | pat%20smith",
        "'u_1&segments=false'   | u_1%26segments%3Dfalse",
        "'ünï'                  | %C3%BCn%C3%AF",
    })
    void hostileValueStaysOneEncodedSegment(String value, String encoded) {
        lytics.server().enqueue(StubResponse.json(200, LyticsFixtures.ENTITY_NOT_FOUND));

        lytics.client().entities().get(EntityQuery.by("_uid", value));

        RecordedRequest r = lytics.server().takeRequest();
        assertThat(r.requestLine()).isEqualTo("GET /api/entity/user/_uid/" + encoded + " HTTP/1.1");
    }

    @Test
    void crLfInAValueCannotAddAHeaderOrEndTheRequestLine() {
        // input: a cookie value carrying CR LF and a header; must: arrive percent-encoded, no extra header
        lytics.server().enqueue(StubResponse.json(200, LyticsFixtures.ENTITY_NOT_FOUND));

        lytics.client().entities().get(EntityQuery.by("_uid", "u_1\r\nX-Injected: yes\r\n\r\nGET /evil"));

        RecordedRequest r = lytics.server().takeRequest();
        assertThat(r.requestLine())
                .isEqualTo("GET /api/entity/user/_uid/u_1%0D%0AX-Injected%3A%20yes%0D%0A%0D%0AGET%20%2Fevil HTTP/1.1");
        assertThat(r.header("X-Injected")).isEmpty();
        assertThat(lytics.server().requestCount()).isEqualTo(1);
    }

    @Test
    void hostileFieldNameAndTableAreEncodedToo() {
        // input: table "user/../account" and field "email?x"; must: each stays one segment
        lytics.server().enqueue(StubResponse.json(200, LyticsFixtures.ENTITY_NOT_FOUND));

        lytics.client().entities().get(EntityQuery.by("email?x", "v").table("user/../account"));

        assertThat(lytics.server().takeRequest().requestLine())
                .isEqualTo("GET /api/entity/user%2F%2E%2E%2Faccount/email%3Fx/v HTTP/1.1");
    }

    @Test
    void recommendationPathEncodesTheValueAsOneSegment() {
        // input: value "../segment/x?limit=1000"; must: stay inside /recommend/user/{field}/{value}
        lytics.server().enqueue(StubResponse.json(200, LyticsFixtures.RECOMMENDATIONS));

        lytics.client().content().recommendForUser("_uids", "../segment/x?limit=1000", RecommendationQuery.defaults().limit(3));

        assertThat(lytics.server().takeRequest().requestLine()).isEqualTo(
                "GET /api/content/recommend/user/_uids/%2E%2E%2Fsegment%2Fx%3Flimit%3D1000?limit=3 HTTP/1.1");
    }
}
