package io.lytx.sandbox.manage;

import static org.assertj.core.api.Assertions.assertThat;

import io.lytx.sandbox.SandboxExtension;
import io.lytx.sandbox.SandboxHttp;
import io.lytx.sandbox.SandboxOptions;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Accounts and users over real HTTP. */
class AccountAndUserHttpTest {

    private static final String ACCOUNT = "0123456789abcdef0123456789abcdef";
    @RegisterExtension
    static final SandboxExtension lytics =
            new SandboxExtension(SandboxOptions.defaults().withDemoData(false).withAccountId(ACCOUNT));

    @Test
    @SuppressWarnings("unchecked")
    void theAccountIsListedAndFoundByIdAidOrCurrent() {
        List<Object> list = lytics.admin().get("/api/account").dataList();
        assertThat(list).hasSize(1);
        assertThat((Map<String, Object>) list.get(0)).containsEntry("id", ACCOUNT);
        for (String ref : List.of("current", ACCOUNT, "1")) {
            Map<String, Object> a = lytics.admin().get("/api/account/" + ref).dataMap();
            assertThat(a).as(ref).containsEntry("id", ACCOUNT).containsEntry("aid", new BigDecimal("1"))
                    .containsKeys("name", "domain", "timezone", "created");
        }
        assertThat(lytics.sandbox().accountId()).isEqualTo(ACCOUNT);
    }

    @Test
    void anotherAccountIs404() {
        SandboxHttp.Reply r = lytics.admin().get("/api/account/ffffffffffffffffffffffffffffffff");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.message()).contains("ffffffffffffffffffffffffffffffff");
    }

    @Test
    @SuppressWarnings("unchecked")
    void usersAreListedAndFoundByIdOrEmail() {
        List<Object> users = lytics.admin().get("/api/user").dataList();
        assertThat(users).hasSizeGreaterThanOrEqualTo(4);
        Map<String, Object> first = (Map<String, Object>) users.get(0);
        assertThat(first).containsKeys("id", "email", "name", "roles", "accounts", "account_id");
        String email = (String) first.get("email");
        assertThat(lytics.admin().get("/api/user/" + first.get("id")).dataMap()).containsEntry("email", email);
        assertThat(lytics.admin().get("/api/user/" + email.toUpperCase(java.util.Locale.ROOT)).dataMap())
                .containsEntry("id", first.get("id"));
        assertThat(lytics.admin().get("/api/user/nobody@example.org").status()).isEqualTo(404);
    }

    @Test
    void methodsAnEndpointDoesNotHaveAre405WithAllow() {
        SandboxHttp.Reply r = lytics.admin().delete("/api/account");
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.message()).contains("DELETE").contains("GET");
        assertThat(r.header("Allow")).contains("GET");
        assertThat(r.json()).containsEntry("data", null).containsEntry("status", new BigDecimal("405"));
    }
}
