package io.lytx.sandbox.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lytx.client.LyticsClient;
import io.lytx.client.entity.EntityQuery;
import io.lytx.client.error.LyticsForbiddenException;
import io.lytx.sandbox.SandboxExtension;
import io.lytx.sandbox.SandboxHttp;
import io.lytx.sandbox.SandboxOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code account_id} query parameter: the sandbox's id or aid pass, any other account is 403. */
class AccountIdHttpTest {

    private static final String OTHER = "0123456789abcdef0123456789abcdef";

    @RegisterExtension
    static final SandboxExtension lytics = new SandboxExtension(SandboxOptions.defaults().withDemoData(false));

    @Test
    void theSandboxAccountIdAndAidAreAccepted() {
        assertThat(lytics.admin().get("/api/account/current?account_id=" + lytics.sandbox().accountId()).status()).isEqualTo(200);
        assertThat(lytics.admin().get("/api/account/current?account_id=1").status()).isEqualTo(200);
    }

    @Test
    void anotherAccountIs403AndChangesNothing() {
        // input: a collect call for another account; must: 403 naming account_id, and no profile stored
        SandboxHttp.Reply r = lytics.admin().postJson("/collect/json/web?account_id=" + OTHER, "{\"_uid\":\"u_other_acct\"}");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.message()).contains("account_id").contains(lytics.sandbox().accountId());
        assertThat(lytics.admin().get("/api/entity/user/_uid/u_other_acct").message()).isEqualTo("Not Found");
        // input: an aid that is not 1, and text that is no account id at all
        assertThat(lytics.admin().get("/api/account/current?account_id=2").status()).isEqualTo(403);
        assertThat(lytics.admin().get("/api/account/current?account_id=current").status()).isEqualTo(403);
    }

    @Test
    void aTokenProblemIsStill401BeforeTheAccountIsLookedAt() {
        SandboxHttp.Reply r = lytics.admin().withToken("wrong").get("/api/account/current?account_id=" + OTHER);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.message()).isEqualTo("Not authorized");
    }

    @Test
    void theJavaClientSendingAccountIdWorksForThisAccountOnly() {
        try (LyticsClient right = LyticsClient.builder().baseUri(lytics.sandbox().baseUri()).token(lytics.sandbox().adminToken())
                     .accountId(lytics.sandbox().accountId()).build();
             LyticsClient wrong = LyticsClient.builder().baseUri(lytics.sandbox().baseUri()).token(lytics.sandbox().adminToken())
                     .accountId(OTHER).build()) {
            assertThat(right.accounts().current().id()).isEqualTo(lytics.sandbox().accountId());
            assertThatThrownBy(() -> wrong.entities().get(EntityQuery.by("_uid", "u1")))
                    .isInstanceOfSatisfying(LyticsForbiddenException.class,
                            e -> assertThat(e.lyticsMessage()).contains("account_id"));
        }
    }
}
