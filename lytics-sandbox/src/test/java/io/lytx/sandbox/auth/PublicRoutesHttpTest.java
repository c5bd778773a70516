package io.lytx.sandbox.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.lytx.sandbox.SandboxExtension;
import io.lytx.sandbox.SandboxHttp;
import io.lytx.sandbox.SandboxOptions;
import io.lytx.sandbox.http.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which routes answer without a token. Lytics serves its browser endpoints without one: the JS
 * tag's {@code /c/{account}} collection (bechirsegni/jstag {@code src/core/get-config.js}), the
 * old {@code /api/me/{account}/{seerid}} (pathfora {@code checkUserSegments}) and the
 * recommendations {@code /api/content/recommend/{account}/user/{field}/{value}}, which Lytics' own
 * browser code calls with no token: lytics/pathforajs (recommendation widget,
 * {@code .../user/_uids/<seerid>}), lytics/drupal-core {@code js/src/api/getRecommendation.ts},
 * lytics/wordpress-core {@code inlineRecommendation.js}. Every other route needs one.
 */
class PublicRoutesHttpTest {

    @RegisterExtension
    static final SandboxExtension lytics = new SandboxExtension(SandboxOptions.defaults().withDemoData(true));

    private static final List<String> PUBLIC = List.of(
            "GET /api/content/recommend/{account}/user/{field}/{value}",
            "GET /api/me/{account}/{seerid}",
            "GET /c/{account}",
            "GET /c/{account}/{stream}",
            "POST /c/{account}",
            "POST /c/{account}/{stream}");

    private static String path(Route route) {
        return route.template().replace("{account}", "1").replace("{field}", "_uid").replace("{value}", "u_demo_ada")
                .replace("{seerid}", "u_demo_ada").replaceAll("\\{[^}]+}", "x");
    }

    @Test
    void exactlyTheBrowserEndpointsAnswerWithoutAToken() {
        List<Route> routes = lytics.sandbox().routes();
        assertThat(routes).as("the sandbox lists its routes").hasSizeGreaterThan(40);
        List<String> open = new ArrayList<>();
        for (Route route : routes) {
            SandboxHttp.Reply r = lytics.anonymous().send(route.method(), path(route),
                    route.method().equals("GET") || route.method().equals("DELETE") ? null : "application/json",
                    route.method().equals("GET") || route.method().equals("DELETE") ? null : "{}");
            if (r.status() != 401) {
                open.add(route.key());
            } else {
                assertThat(r.json()).as(route.key()).containsEntry("message", "Not authorized");
            }
        }
        assertThat(open).containsExactlyInAnyOrderElementsOf(PUBLIC);
    }

    @Test
    void publicRecommendationsAreTheTokenFormsAnswerWithCors() {
        String q = "/user/_uid/u_demo_ada?limit=3";
        SandboxHttp.Reply open = lytics.anonymous().get("/api/content/recommend/" + lytics.sandbox().accountId() + q);
        SandboxHttp.Reply byAid = lytics.anonymous().get("/api/content/recommend/1" + q);
        SandboxHttp.Reply withToken = lytics.admin().get("/api/content/recommend" + q);

        assertThat(open.status()).as(open.body()).isEqualTo(200);
        assertThat(open.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(open.dataList()).hasSize(3).isEqualTo(withToken.dataList()).isEqualTo(byAid.dataList());
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) open.dataList().get(0);
        assertThat(first).containsKeys("url", "title", "confidence", "visited");
    }

    @Test
    void anotherAccountIs404AndANonAccountSegmentNeedsAToken() {
        // input: a 32-hex id that is not the sandbox's account
        assertThat(lytics.anonymous().get("/api/content/recommend/0123456789abcdef0123456789abcdef/user/_uid/u_demo_ada")
                .status()).isEqualTo(404);
        // input: "acme" is not an account id or aid, so this is no public path
        assertThat(lytics.anonymous().get("/api/content/recommend/acme/user/_uid/u_demo_ada").status()).isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH"})
    void thePublicRecommendationsRouteIsReadOnly(String method) {
        boolean body = !method.equals("DELETE");
        SandboxHttp.Reply r = lytics.anonymous().send(method, "/api/content/recommend/1/user/_uid/u_demo_ada",
                body ? "application/json" : null, body ? "{}" : null);
        assertThat(r.status()).as(method + " " + r.body()).isEqualTo(405);
        assertThat(r.json()).containsEntry("data", null);
    }
}
