package io.lytx.sandbox.entity;

import static org.assertj.core.api.Assertions.assertThat;

import io.lytx.sandbox.LyticsSandbox;
import io.lytx.sandbox.SandboxExtension;
import io.lytx.sandbox.SandboxHttp;
import io.lytx.sandbox.SandboxOptions;
import io.lytx.sandbox.domain.ListSpellings;
import io.lytx.sandbox.http.JsonInput;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The public browser endpoint {@code GET /api/me/{account}/{seerid}}: no token, JSON or JSONP. */
class PublicEntityHttpTest {

    @RegisterExtension
    static final SandboxExtension lytics = new SandboxExtension(SandboxOptions.defaults().withDemoData(true));
    private static String me;

    @BeforeAll
    static void start() {
        me = "/api/me/" + lytics.sandbox().accountId() + "/";
    }

    @SuppressWarnings("unchecked")
    private static List<String> segments(Map<String, Object> data) {
        return (List<String>) data.get("segments");
    }

    @Test
    void withoutATokenAKnownVisitorGetsPublicSegmentsAndNoProfileFields() {
        SandboxHttp.Reply r = lytics.anonymous().get(me + "u_demo_ada?segments=true");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(r.message()).isEqualTo("success");
        assertThat(r.dataMap().keySet()).containsExactly("segments");
        assertThat(segments(r.dataMap())).contains("all", "known_users", "frequent_visitors")
                .doesNotContain("anonymous_visitors");
        assertThat(r.json()).doesNotContainKey("meta");
    }

    @Test
    void theNumericAidNamesTheSameAccount() {
        assertThat(lytics.anonymous().get("/api/me/1/u_demo_ada").data()).isEqualTo(lytics.anonymous().get(me + "u_demo_ada").data());
    }

    @Test
    void fieldsListsTheOnlyProfileFieldsShownInAnySpelling() {
        Map<String, Object> some = lytics.anonymous().get(me + "u_demo_ada?fields=first_name,city").dataMap();
        assertThat(some.keySet()).containsExactly("first_name", "city", "segments");
        assertThat(some).containsEntry("first_name", "Ada").containsEntry("city", "London");
        for (String q : ListSpellings.of("fields", List.of("first_name", "city"))) {
            assertThat(lytics.anonymous().get(me + "u_demo_ada?" + q).dataMap()).as(q).isEqualTo(some);
        }
        assertThat(lytics.anonymous().get(me + "u_demo_ada?segments=false&fields=first_name").dataMap())
                .isEqualTo(Map.of("first_name", "Ada"));
    }

    @Test
    void anUnknownVisitorIsTheNotFoundPlaceholder() {
        SandboxHttp.Reply r = lytics.anonymous().get(me + "never-seen?segments=true");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.message()).isEqualTo("Not Found");
        assertThat(r.dataMap()).isEqualTo(Map.of("segments", List.of("not_found", "all")));
    }

    @Test
    void aCallbackGivesJsonpWrappingTheSameEnvelope() {
        SandboxHttp.Reply json = lytics.anonymous().get(me + "u_demo_ada?segments=true&fields=first_name");
        SandboxHttp.Reply jsonp = lytics.anonymous().get(me + "u_demo_ada?segments=true&fields=first_name&callback=lio.cb_1");

        assertThat(jsonp.status()).isEqualTo(200);
        assertThat(jsonp.header("Content-Type")).startsWith("application/javascript");
        assertThat(jsonp.header("X-Content-Type-Options")).isEqualTo("nosniff");
        String body = jsonp.body();
        assertThat(body).startsWith("/**/lio.cb_1(").endsWith(");");
        String inner = body.substring("/**/lio.cb_1(".length(), body.length() - ");".length());
        assertThat(JsonInput.parse(inner)).isEqualTo(json.json());
    }

    @ParameterizedTest
    @ValueSource(strings = {"alert(1)//", "a b", "<script>", "1abc", "cb;evil", "a..b", "x-y", ""})
    void aCallbackThatIsNoIdentifierIs400AndNeverEchoedAsScript(String callback) {
        // input: callback=<value>; must: 400 JSON envelope, not JavaScript, without the value
        SandboxHttp.Reply r = lytics.anonymous().get(me + "u_demo_ada?callback="
                + URLEncoder.encode(callback, StandardCharsets.UTF_8));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.message()).contains("callback must be a JavaScript identifier");
        if (!callback.isEmpty()) {
            assertThat(r.body()).doesNotContain(callback);
        }
    }

    @Test
    void aCallbackOverTheLengthLimitIs400() {
        // input: a 129-character identifier; must: 400 (the limit is 128)
        assertThat(lytics.anonymous().get(me + "u_demo_ada?callback=" + "a".repeat(129)).status()).isEqualTo(400);
        assertThat(lytics.anonymous().get(me + "u_demo_ada?callback=" + "a".repeat(128)).status()).isEqualTo(200);
    }

    @Test
    void anotherAccountIs404WithoutAToken() {
        // input: a well-formed account id that is not the sandbox's, and an aid that is not 1
        SandboxHttp.Reply other = lytics.anonymous().get("/api/me/0123456789abcdef0123456789abcdef/u_demo_ada");
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.message()).contains("unknown account");
        assertThat(lytics.anonymous().get("/api/me/42/u_demo_ada").status()).isEqualTo(404);
    }

    @Test
    void theTokenAliasStillNeedsATokenAndTheTokenDoesNotWidenThePublicForm() {
        assertThat(lytics.anonymous().get("/api/me/email/ada@example.org").status()).isEqualTo(401);
        SandboxHttp admin = lytics.anonymous().withToken(lytics.sandbox().adminToken());
        assertThat(admin.get("/api/me/email/ada@example.org").dataMap()).containsEntry("first_name", "Ada");
        assertThat(admin.get(me + "u_demo_ada").dataMap().keySet()).containsExactly("segments");
    }

    @Test
    void theApiIpAllowlistDoesNotApplyToTheBrowserEndpoint() {
        try (LyticsSandbox own = LyticsSandbox.start(SandboxOptions.defaults().withDemoData(true))) {
            SandboxHttp admin = new SandboxHttp(own.baseUri(), own.adminToken());
            // input: an allowlist that excludes 127.0.0.1; must: token API 403, public endpoint 200
            assertThat(admin.putJson("/api/account/setting/api_ip_whitelist", "[\"10.0.0.0/8\"]").status())
                    .isEqualTo(200);
            assertThat(admin.get("/api/entity/user/_uid/u_demo_ada").status()).isEqualTo(403);
            SandboxHttp.Reply pub = admin.withToken(null).get("/api/me/" + own.accountId() + "/u_demo_ada");
            assertThat(pub.status()).isEqualTo(200);
            assertThat(segments(pub.dataMap())).contains("known_users");
        }
    }
}
