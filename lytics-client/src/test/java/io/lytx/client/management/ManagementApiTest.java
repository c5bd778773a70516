package io.lytx.client.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lytx.client.error.LyticsForbiddenException;
import io.lytx.client.testing.LyticsFixtures;
import io.lytx.client.testing.RecordedRequest;
import io.lytx.client.testing.StubLyticsExtension;
import io.lytx.client.testing.StubResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ManagementApiTest {

    private static final String ACCOUNT = "{\"id\":\"0a9b8c7d6e5f40312a2b3c4d5e6f7a8b\",\"aid\":4321,"
            + "\"email\":\"ops@example.org\",\"name\":\"Example Co (dev)\",\"domain\":\"dev.example.org\",\"fid\":\"dev.example.org\","
            + "\"timezone\":\"UTC\",\"pubusers\":true,\"parent_id\":\"\",\"apikey\":\"KEY-SHOULD-NOT-PRINT\","
            + "\"created\":\"2021-06-01T00:00:00Z\",\"updated\":\"2024-01-01T00:00:00Z\"}";

    @RegisterExtension
    final StubLyticsExtension lytics = new StubLyticsExtension();

    @Test
    void accountListWithStringStatusAndCurrentAccount() {
        lytics.server().enqueue(StubResponse.json(200, "{\"status\":\"success\",\"message\":\"success\",\"data\":[" + ACCOUNT + "]}"));
        lytics.server().enqueue(StubResponse.json(200, "{\"status\":200,\"message\":\"success\",\"data\":" + ACCOUNT + "}"));

        List<Account> accounts = lytics.client().accounts().list();
        Account current = lytics.client().accounts().current();

        assertThat(accounts).singleElement().extracting(Account::aid).isEqualTo("4321");
        assertThat(current.name()).isEqualTo("Example Co (dev)");
        assertThat(current.toString()).doesNotContain("KEY-SHOULD-NOT-PRINT");
        assertThat(lytics.server().takeRequest().requestLine()).isEqualTo("GET /api/account HTTP/1.1");
        assertThat(lytics.server().takeRequest().requestLine()).isEqualTo("GET /api/account/current HTTP/1.1");
    }

    @Test
    void settingsGetPutDeleteIncludingTheIpAllowList() {
        String setting = "{\"status\":200,\"message\":\"success\",\"data\":{\"slug\":\"api_ip_whitelist\",\"category\":\"API\","
                + "\"type\":\"setting\",\"value\":[\"10.0.0.0/8\"],\"can_be_assigned\":true}}";
        lytics.server().enqueue(StubResponse.json(200, "{\"status\":\"success\",\"message\":\"success\",\"data\":["
                + "{\"slug\":\"entity_timeout\",\"category\":\"Personalization\",\"value\":null,\"can_be_assigned\":true}]}"));
        lytics.server().enqueue(StubResponse.json(200, setting));
        lytics.server().enqueue(StubResponse.json(200, setting));
        lytics.server().enqueue(StubResponse.empty(204));
        lytics.server().enqueue(StubResponse.json(200, setting.replace("api_ip_whitelist", "entity_timeout").replace("[\"10.0.0.0/8\"]", "250")));
        lytics.server().enqueue(StubResponse.json(403, LyticsFixtures.error(403, "This setting \\\"x\\\" is not editable")));

        assertThat(lytics.client().accounts().settings()).singleElement().satisfies(s -> assertThat(s.value()).isNull());
        assertThat(lytics.client().accounts().setting("api_ip_whitelist").value()).isEqualTo(List.of("10.0.0.0/8"));
        lytics.client().accounts().setIpAllowList(List.of("10.0.0.0/8"));
        lytics.client().accounts().clearIpAllowList();
        lytics.client().accounts().putSetting("entity_timeout", 250);
        assertThatThrownBy(() -> lytics.client().accounts().putSetting("x", true)).isInstanceOf(LyticsForbiddenException.class);

        assertThat(lytics.server().takeRequest().requestLine()).isEqualTo("GET /api/account/setting HTTP/1.1");
        assertThat(lytics.server().takeRequest().requestLine()).isEqualTo("GET /api/account/setting/api_ip_whitelist HTTP/1.1");
        RecordedRequest put = lytics.server().takeRequest();
        assertThat(put.requestLine()).isEqualTo("PUT /api/account/setting/api_ip_whitelist HTTP/1.1");
        assertThat(put.bodyText()).isEqualTo("[\"10.0.0.0/8\"]");
        assertThat(lytics.server().takeRequest().requestLine()).isEqualTo("DELETE /api/account/setting/api_ip_whitelist HTTP/1.1");
        assertThat(lytics.server().takeRequest().bodyText()).isEqualTo("250");
    }

    @Test
    void users() {
        String user = "{\"id\":\"u1\",\"email\":\"admin@example.org\",\"name\":\"Admin\",\"roles\":[\"admin\",\"data_manager\"]}";
        lytics.server().enqueue(StubResponse.json(200, "{\"status\":200,\"message\":\"success\",\"data\":[" + user + "]}"));
        lytics.server().enqueue(StubResponse.json(200, "{\"status\":200,\"message\":\"success\",\"data\":" + user + "}"));

        assertThat(lytics.client().users().list()).singleElement().extracting(AdminUser::roles).isEqualTo(List.of("admin", "data_manager"));
        assertThat(lytics.client().users().get("admin@example.org").email()).isEqualTo("admin@example.org");
        lytics.server().takeRequest();
        assertThat(lytics.server().takeRequest().requestLine()).isEqualTo("GET /api/user/admin%40example%2Eorg HTTP/1.1");
    }

    @Test
    void createTokenReadsTheSecretAndNeverPrintsIt() {
        lytics.server().enqueue(StubResponse.json(200, "{\"status\":200,\"message\":\"success\",\"data\":{\"id\":\"auth1\","
                + "\"account_id\":\"acc\",\"provider_name\":\"Lytics\",\"label\":\"ci\","
                + "\"config\":[{\"name\":\"api_key\",\"value\":\"at.auth1.NEWSECRET\"}]}}"));

        CreatedToken t = lytics.client().tokens().create(new TokenRequest("ci", null, List.of("data_manager"), Duration.ofDays(30)));

        assertThat(t.secret()).isEqualTo("at.auth1.NEWSECRET");
        assertThat(t.toString()).doesNotContain("NEWSECRET").contains("secret=***");
        RecordedRequest r = lytics.server().takeRequest();
        assertThat(r.requestLine()).isEqualTo("POST /api/auth/createtoken HTTP/1.1");
        assertThat(r.bodyText()).isEqualTo("{\"label\":\"ci\",\"scopes\":[\"data_manager\"],\"expires\":\"720h\"}");
    }

    @Test
    void createTokenOlderConfigShapeAndListing() {
        lytics.server().enqueue(StubResponse.json(200, "{\"status\":\"success\",\"message\":\"success\",\"data\":{\"id\":\"a2\","
                + "\"name\":\"old\",\"config\":[{\"api_key\":\"OLDSECRET\"}]}}"));
        lytics.server().enqueue(StubResponse.json(200, "{\"status\":200,\"data\":[{\"id\":\"a2\",\"type\":\"lytics-auth-token\","
                + "\"label\":\"old\",\"scopes\":[\"observer\"],\"expires\":\"0001-01-01T00:00:00Z\"}],\"request_id\":\"r\"}"));

        assertThat(lytics.client().tokens().create(new TokenRequest(null, "legacy", List.of("observer"), null)).secret())
                .isEqualTo("OLDSECRET");
        assertThat(lytics.client().tokens().list()).singleElement().satisfies(t -> {
            assertThat(t.label()).isEqualTo("old");
            assertThat(t.scopes()).containsExactly("observer");
        });
        assertThat(lytics.server().takeRequest().bodyText()).isEqualTo("{\"description\":\"legacy\",\"scopes\":[\"observer\"]}");
        assertThat(lytics.server().takeRequest().requestLine()).isEqualTo("GET /v2/auth?auth_type=api_token HTTP/1.1");
    }

    @Test
    void tokenRequestValidation() {
        // input: no scopes / neither label nor description; must: refuse naming what is missing
        assertThatThrownBy(() -> new TokenRequest("l", null, List.of(), null)).hasMessageContaining("scopes");
        assertThatThrownBy(() -> new TokenRequest(" ", null, List.of("admin"), null)).hasMessageContaining("label or description");
    }
}
