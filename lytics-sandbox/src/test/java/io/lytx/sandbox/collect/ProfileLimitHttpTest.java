package io.lytx.sandbox.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.lytx.sandbox.SandboxExtension;
import io.lytx.sandbox.SandboxHttp;
import io.lytx.sandbox.SandboxOptions;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sandbox's bound on profiles (here 3): an event that would create one more is refused with
 * {@code 507} and a message giving the count, while reads and events of known profiles go on
 * working; a reset makes room. Its own limit (the real Lytics has none a client meets); the test
 * holds the sandbox to it so that a flood of new identities cannot exhaust its heap.
 */
class ProfileLimitHttpTest {

    @RegisterExtension
    static final SandboxExtension lytics = new SandboxExtension(SandboxOptions.defaults().withDemoData(false).withMaxProfiles(3));

    private static SandboxHttp.Reply entity(String uid) {
        return lytics.admin().get("/api/entity/user/_uid/" + uid);
    }

    @Test
    void aNewProfileOverTheLimitIs507AndEverythingElseKeepsWorking() {
        lytics.admin().send("POST", "/_sandbox/reset", null, null);
        for (String uid : new String[] {"lim-1", "lim-2", "lim-3"}) {
            assertThat(lytics.admin().postJson("/collect/json/web", "{\"_uid\":\"" + uid + "\"}").status()).isEqualTo(200);
        }
        // input: a fourth identity
        SandboxHttp.Reply full = lytics.admin().postJson("/collect/json/web", "{\"_uid\":\"lim-4\"}");
        assertThat(full.status()).isEqualTo(507);
        assertThat(full.message()).contains("holds 3 of at most 3 profiles").contains("0 events of this request were stored");
        assertThat(entity("lim-4").message()).isEqualTo("Not Found");

        // input: a batch with an event of a known profile, then a new identity: all or nothing on /collect/json
        SandboxHttp.Reply batch = lytics.admin().postJson("/collect/json/web",
                "[{\"_uid\":\"lim-1\",\"plan\":\"gold\"},{\"_uid\":\"lim-5\"}]");
        assertThat(batch.status()).isEqualTo(507);
        assertThat(entity("lim-1").dataMap()).doesNotContainKey("plan");

        assertThat(lytics.admin().postJson("/collect/json/web", "{\"_uid\":\"lim-2\",\"plan\":\"tin\"}").status())
                .as("an event of a known profile").isEqualTo(200);
        assertThat(entity("lim-2").dataMap()).containsEntry("plan", "tin");
        assertThat(lytics.admin().get("/api/segment").status()).isEqualTo(200);

        // input: a bulk upload whose second row is a new identity: the first row is stored, the upload stops
        SandboxHttp.Reply bulk = lytics.admin().send("POST", "/collect/bulk/crm", "text/csv",
                "_uid,plan\nlim-3,silver\nlim-6,gold\nlim-1,gold\n");
        assertThat(bulk.status()).isEqualTo(507);
        assertThat(bulk.message()).contains("holds 3 of at most 3 profiles")
                .contains("the upload stopped there and the 1 records before it were stored");
        assertThat(entity("lim-3").dataMap()).containsEntry("plan", "silver");
        assertThat(entity("lim-1").dataMap()).doesNotContainKey("plan");

        assertThat(lytics.admin().send("POST", "/_sandbox/reset", null, null).status()).isEqualTo(200);
        SandboxHttp.Reply after = lytics.admin().postJson("/collect/json/web", "{\"_uid\":\"lim-4\"}");
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.dataMap()).containsEntry("message_count", BigDecimal.ONE);
    }
}
