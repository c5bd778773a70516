package io.lytx.sandbox.entity;

import static org.assertj.core.api.Assertions.assertThat;

import io.lytx.sandbox.SandboxExtension;
import io.lytx.sandbox.SandboxHttp;
import io.lytx.sandbox.SandboxOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The account settings that govern what a caller may see of a profile (docs.lytics.com
 * {@code personalization-api}: "Allow Public Personalization API ... allow the user profile of
 * anonymous users to be exposed ... It will only include allowed fields"; {@code account-users}:
 * PII fields the account marks private are shown only to Admin, Data Manager and User Search).
 */
class ProfilePrivacyHttpTest {

    @RegisterExtension
    static final SandboxExtension lytics = new SandboxExtension(SandboxOptions.defaults().withDemoData(true));

    @AfterEach
    void clearSettings() {
        lytics.admin().delete("/api/account/setting/private_fields");
        lytics.admin().delete("/api/account/setting/allow_public_personalization");
    }

    @Test
    void aPrivateFieldIsNeverShownWithoutAToken() {
        assertThat(lytics.admin().putJson("/api/account/setting/private_fields", "[\"email\",\"last_name\"]").status())
                .isEqualTo(200);

        // input: the browser asks for the private fields by name, as JSON and as JSONP
        Map<String, Object> data = lytics.anonymous().get("/api/me/1/u_demo_ada?fields=email,first_name,last_name").dataMap();
        assertThat(data).containsEntry("first_name", "Ada").doesNotContainKeys("email", "last_name");
        SandboxHttp.Reply jsonp = lytics.anonymous().get("/api/me/1/u_demo_ada?fields=email,last_name&callback=cb");
        assertThat(jsonp.body()).doesNotContain("ada@example.org", "Lovelace").contains("\"segments\"");
    }

    @Test
    void withPublicPersonalizationOffNoFieldIsShownButSegmentsAre() {
        assertThat(lytics.admin().putJson("/api/account/setting/allow_public_personalization", "false").status())
                .isEqualTo(200);

        SandboxHttp.Reply r = lytics.anonymous().get("/api/me/1/u_demo_ada?fields=first_name,city");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.dataMap().keySet()).containsExactly("segments");
        assertThat(r.body()).doesNotContain("Ada", "London");

        lytics.admin().putJson("/api/account/setting/allow_public_personalization", "true");
        assertThat(lytics.anonymous().get("/api/me/1/u_demo_ada?fields=first_name").dataMap())
                .containsEntry("first_name", "Ada");
    }

    @Test
    void privateFieldsAreHiddenFromTokensWithoutAPiiRole() {
        lytics.admin().putJson("/api/account/setting/private_fields", "[\"email\"]");
        String marketer = token("marketer");
        String dataManager = token("data_manager");

        assertThat(lytics.admin().withToken(marketer).get("/api/entity/user/user_id/demo-ada").dataMap())
                .containsEntry("first_name", "Ada").doesNotContainKey("email");
        assertThat(lytics.admin().withToken(dataManager).get("/api/entity/user/user_id/demo-ada").dataMap())
                .containsEntry("email", "ada@example.org");
        assertThat(lytics.admin().get("/api/me/user_id/demo-ada").dataMap()).containsEntry("email", "ada@example.org");
    }

    @SuppressWarnings("unchecked")
    private static String token(String role) {
        SandboxHttp.Reply r = lytics.admin().postJson("/api/auth/createtoken",
                "{\"label\":\"privacy " + role + "\",\"scopes\":[\"" + role + "\"]}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return (String) ((List<Map<String, Object>>) r.dataMap().get("config")).get(0).get("value");
    }
}
