package io.lytx.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lytx.client.LyticsClient;
import io.lytx.client.collect.CollectOptions;
import io.lytx.client.collect.CollectResult;
import io.lytx.client.collect.CsvOptions;
import io.lytx.client.content.DocumentPage;
import io.lytx.client.content.Recommendation;
import io.lytx.client.content.RecommendationQuery;
import io.lytx.client.entity.Entity;
import io.lytx.client.entity.EntityQuery;
import io.lytx.client.entity.EntityStatus;
import io.lytx.client.error.LyticsBadRequestException;
import io.lytx.client.error.LyticsForbiddenException;
import io.lytx.client.error.LyticsNotFoundException;
import io.lytx.client.error.LyticsRateLimitException;
import io.lytx.client.error.LyticsResponseException;
import io.lytx.client.error.LyticsServerException;
import io.lytx.client.error.LyticsTimeoutException;
import io.lytx.client.error.LyticsUnauthorizedException;
import io.lytx.client.management.Account;
import io.lytx.client.management.AdminUser;
import io.lytx.client.management.CreatedToken;
import io.lytx.client.management.TokenRequest;
import io.lytx.client.segment.ScanPage;
import io.lytx.client.segment.ScanQuery;
import io.lytx.client.segment.Segment;
import io.lytx.client.segment.SegmentDraft;
import io.lytx.client.schema.TableSchema;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code lytics-client} calling every API family against the embedded sandbox (with demo
 * data), over real sockets: the client's contract and the sandbox's answers checked together.
 */
class ClientContractAgainstSandboxTest {

    private static LyticsSandbox sandbox;
    private static LyticsClient client;
    private static SandboxHttp admin;

    @BeforeAll
    static void start() {
        sandbox = LyticsSandbox.start(SandboxOptions.defaults());
        client = LyticsClient.builder().baseUri(sandbox.baseUri()).token(sandbox.adminToken())
                .readTimeout(Duration.ofSeconds(30)).build();
        admin = new SandboxHttp(sandbox.baseUri(), sandbox.adminToken());
    }

    @AfterAll
    static void stop() {
        client.close();
        sandbox.close();
    }

    private static LyticsClient clientWith(String token) {
        return LyticsClient.builder().baseUri(sandbox.baseUri()).token(token).readTimeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void entityFoundAndNotFound() {
        Entity ada = client.entities().get(EntityQuery.by("email", "ada@example.org"));
        assertThat(ada.status()).isEqualTo(EntityStatus.FOUND);
        assertThat(ada.fields().string("user_id")).contains("demo-ada");
        assertThat(ada.fields().longValue("visitct")).isPresent();
        assertThat(ada.segments()).contains("all");
        assertThat(ada.segmentIds()).isNotEmpty();

        Entity nobody = client.entities().get(EntityQuery.by("_uid", "u_contract_nobody"));
        assertThat(nobody.status()).isEqualTo(EntityStatus.NOT_FOUND);
        assertThat(nobody.segments()).containsExactly("not_found", "all");

        Entity some = client.entities().get(EntityQuery.by("user_id", "demo-ada").fields(List.of("email")));
        assertThat(some.fields().string("email")).contains("ada@example.org");
        assertThat(some.fields().has("user_id")).isFalse();
    }

    @Test
    void collectJsonCsvAndDryRunThenTheProfileIsThere() {
        CollectResult one = client.collect().json("contract", Map.of("_uid", "u_contract_1",
                "email", "contract1@example.org", "plan", "gold"), CollectOptions.defaults());
        assertThat(one.messageCount()).isEqualTo(1);
        assertThat(one.rejectedCount()).isZero();

        CollectResult dry = client.collect().json("contract", List.of(Map.of("_uid", "u_contract_dry"),
                Map.of("_uid", "u_contract_dry2")), CollectOptions.defaults().dryRun(true));
        assertThat(dry.messageCount()).isEqualTo(2);
        assertThat(dry.dryRun()).isTrue();
        assertThat(client.entities().get(EntityQuery.by("_uid", "u_contract_dry")).status())
                .isEqualTo(EntityStatus.NOT_FOUND);

        byte[] csv = "_uid,email,plan\nu_contract_2,contract2@example.org,gold\nu_contract_3,contract3@example.org,silver\n"
                .getBytes(StandardCharsets.UTF_8);
        CollectResult bulk = client.collect().csv("contract_csv", new ByteArrayInputStream(csv), CsvOptions.defaults());
        assertThat(bulk.messageCount()).isEqualTo(2);

        Entity c1 = client.entities().get(EntityQuery.by("email", "contract1@example.org"));
        assertThat(c1.status()).isEqualTo(EntityStatus.FOUND);
        assertThat(c1.fields().string("plan")).contains("gold");
        assertThat(client.entities().get(EntityQuery.by("email", "contract3@example.org")).fields().string("plan"))
                .contains("silver");
    }

    @Test
    void bulkJsonAndCsvWithAppendReachTheSandboxOnItsOnePort() {
        CollectResult json = client.collect().bulkJson("contract_json",
                List.of(Map.of("_uid", "u_contract_json", "order_ids", List.of(1, 2)), Map.of("email", "contract-json@example.org")),
                CollectOptions.defaults().filename("orders.json"));
        assertThat(json.messageCount()).isEqualTo(2);
        assertThat(client.entities().get(EntityQuery.by("_uid", "u_contract_json")).status()).isEqualTo(EntityStatus.FOUND);

        byte[] csv = "email\ncontract-append@example.org\n".getBytes(StandardCharsets.UTF_8);
        client.collect().csv("contract_csv", new ByteArrayInputStream(csv), CsvOptions.defaults().append(Map.of("source", "crm")));
        assertThat(client.entities().get(EntityQuery.by("email", "contract-append@example.org")).fields().string("source"))
                .contains("crm");
    }

    @Test
    void segmentsCrudSizesAndScanPaging() {
        for (int i = 0; i < 5; i++) {
            client.collect().json("contract", Map.of("_uid", "u_scan_" + i, "email", "scan" + i + "@example.org",
                    "cohort", "scan_contract"), CollectOptions.defaults());
        }
        Segment created = client.segments().upsert(
                "FILTER cohort = \"scan_contract\" FROM user ALIAS scan_contract");
        assertThat(created.slugName()).isEqualTo("scan_contract");
        assertThat(created.id()).matches("[0-9a-f]{32}");
        assertThat(client.segments().get("scan_contract").id()).isEqualTo(created.id());
        assertThat(client.segments().list("user", null)).extracting(Segment::slugName).contains("scan_contract");
        assertThat(client.segments().size(created.id()).size()).isEqualTo(5);

        List<String> emails = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            ScanPage page = client.segments().scanPage(created.id(), ScanQuery.defaults().limit(2), cursor);
            page.profiles().forEach(p -> emails.add(p.string("email").orElseThrow()));
            assertThat(page.total()).hasValue(5);
            cursor = page.next().orElse(null);
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(pages).isEqualTo(3);
        assertThat(new HashSet<>(emails)).hasSize(5);
        assertThat(client.segments().scan(created.id(), ScanQuery.defaults().limit(2)).count()).isEqualTo(5);
        assertThat(client.segments().scanAdHoc("FILTER cohort = \"scan_contract\"", ScanQuery.defaults()).count())
                .isEqualTo(5);

        Segment updated = client.segments().update(created.id(),
                SegmentDraft.of("Scan contract (renamed)", "FILTER cohort = \"scan_contract\" FROM user"));
        assertThat(updated.name()).isEqualTo("Scan contract (renamed)");

        assertThat(client.entities().get(EntityQuery.by("email", "scan0@example.org")).segmentIds()).contains(created.id());

        client.segments().validate("FILTER AND (visitct > 1, email LIKE \"*@example.org\")");
        assertThatThrownBy(() -> client.segments().validate("FILTER AND (visitct > "))
                .isInstanceOf(LyticsBadRequestException.class);

        client.segments().delete(created.id());
        assertThatThrownBy(() -> client.segments().get(created.id())).isInstanceOf(LyticsNotFoundException.class);
    }

    @Test
    void schemaKnowsTheFieldsSeen() {
        client.collect().json("contract", Map.of("_uid", "u_schema", "email", "schema@example.org", "score", 7),
                CollectOptions.defaults());
        TableSchema user = client.schema().table("user");
        assertThat(user.columns()).isNotEmpty();
        assertThat(user.columns()).anySatisfy(c -> {
            assertThat(c.as()).isEqualTo("email");
            assertThat(c.isBy()).isTrue();
        });
        assertThat(client.schema().fieldInfo("user", List.of("email"), 5)).isNotEmpty();
    }

    @Test
    void contentDocumentsTopicsTaxonomyClassifyAndRecommendations() {
        DocumentPage docs = client.content().documents(List.of(), List.of(), 5);
        assertThat(docs.documents()).isNotEmpty().hasSizeLessThanOrEqualTo(5);
        assertThat(docs.total()).isGreaterThanOrEqualTo(30);
        assertThat(client.content().topics(50)).hasSizeGreaterThanOrEqualTo(6);
        assertThat(client.content().taxonomy(50).nodes()).isNotEmpty();
        assertThat(client.content().classifyText("a budget for saving money and investing").asMap()).isNotEmpty();

        List<Recommendation> forAda = client.content().recommendForUser("email", "ada@example.org",
                RecommendationQuery.defaults().limit(3));
        assertThat(forAda).isNotEmpty().hasSizeLessThanOrEqualTo(3);
        assertThat(forAda).allSatisfy(r -> assertThat(r.url()).doesNotStartWith("http"));
        assertThat(client.content().recommendForSegment("known_users", RecommendationQuery.defaults().limit(2)))
                .isNotEmpty().hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void managementAccountsSettingsTokensUsers() {
        Account current = client.accounts().current();
        assertThat(current.id()).isEqualTo(sandbox.accountId());
        assertThat(client.accounts().list()).extracting(Account::id).containsExactly(sandbox.accountId());
        assertThat(client.accounts().settings()).isNotEmpty();

        client.accounts().setIpAllowList(List.of("127.0.0.0/8", "::1/128"));
        assertThat(client.accounts().setting("api_ip_whitelist").value()).isEqualTo(List.of("127.0.0.0/8", "::1/128"));
        assertThatThrownBy(() -> client.accounts().setIpAllowList(List.of("300.0.0.0/8")))
                .isInstanceOf(LyticsBadRequestException.class).hasMessageContaining("300.0.0.0/8");
        client.accounts().clearIpAllowList();
        assertThat(client.accounts().setting("api_ip_whitelist").value()).isNull();

        CreatedToken token = client.tokens().create(new TokenRequest("contract", "", List.of("observer"),
                Duration.ofHours(1)));
        assertThat(token.secret()).startsWith("at.");
        assertThat(client.tokens().list()).anySatisfy(t -> assertThat(t.id()).isEqualTo(token.id()));
        try (LyticsClient observer = clientWith(token.secret())) {
            assertThat(observer.accounts().current().id()).isEqualTo(sandbox.accountId());
            assertThatThrownBy(() -> observer.segments().upsert("FILTER * ALIAS not_allowed"))
                    .isInstanceOf(LyticsForbiddenException.class);
        }
        client.tokens().delete(token.id());
        try (LyticsClient revoked = clientWith(token.secret())) {
            assertThatThrownBy(() -> revoked.accounts().current()).isInstanceOf(LyticsUnauthorizedException.class);
        }

        List<AdminUser> users = client.users().list();
        assertThat(users).isNotEmpty();
        assertThat(client.users().get(users.get(0).email()).id()).isEqualTo(users.get(0).id());
    }

    @Test
    void anAsyncLookupIsCutAtItsDeadlineWhenTheSandboxIsSlow() {
        String route = "GET /api/entity/{table}/{field}/{value}";
        try {
            admin.putJson("/_sandbox/faults", "{\"route\":\"" + route + "\",\"latency_ms\":3000}");
            CompletableFuture<Entity> slow = client.entities()
                    .getAsync(EntityQuery.by("email", "ada@example.org"), Duration.ofMillis(300)).toCompletableFuture();
            assertThatThrownBy(slow::join).hasCauseInstanceOf(LyticsTimeoutException.class);
        } finally {
            admin.delete("/_sandbox/faults");
        }
        Entity fast = client.entities().getAsync(EntityQuery.by("email", "ada@example.org"), Duration.ofSeconds(30))
                .toCompletableFuture().join();
        assertThat(fast.status()).isEqualTo(EntityStatus.FOUND);
        List<Recommendation> recs = client.content().recommendForUserAsync("email", "ada@example.org",
                RecommendationQuery.defaults().limit(2), Duration.ofSeconds(30)).toCompletableFuture().join();
        assertThat(recs).isNotEmpty();
    }

    @Test
    void aPreSerializedBodyIsCollectedAsIs() {
        CollectResult r = client.collect().jsonBody("contract",
                "[{\"_uid\":\"u_body_1\",\"email\":\"body1@example.org\"},{\"_uid\":\"u_body_2\"}]"
                        .getBytes(StandardCharsets.UTF_8), CollectOptions.defaults());
        assertThat(r.messageCount()).isEqualTo(2);
        assertThat(client.entities().get(EntityQuery.by("email", "body1@example.org")).status())
                .isEqualTo(EntityStatus.FOUND);
    }

    @Test
    void injectedFaultsReachTheClientAsTypedErrors() {
        String route = "GET /api/account/{id}";
        try {
            admin.putJson("/_sandbox/faults", "{\"route\":\"" + route + "\",\"status\":503}");
            assertThatThrownBy(() -> client.accounts().current()).isInstanceOf(LyticsServerException.class);
            admin.putJson("/_sandbox/faults", "{\"route\":\"" + route + "\",\"status\":429,\"retry_after\":\"7\"}");
            assertThatThrownBy(() -> client.accounts().current()).isInstanceOfSatisfying(LyticsRateLimitException.class,
                    e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(7)));
            admin.putJson("/_sandbox/faults", "{\"route\":\"" + route + "\",\"malformed\":true}");
            assertThatThrownBy(() -> client.accounts().current()).isInstanceOf(LyticsResponseException.class);
        } finally {
            admin.delete("/_sandbox/faults");
        }
        assertThat(client.accounts().current().id()).isEqualTo(sandbox.accountId());
    }

    @Test
    void theStatsCountTheClientsCalls() {
        admin.delete("/_sandbox/stats");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            seen.add(client.entities().get(EntityQuery.by("email", "ada@example.org")).fields().string("email").orElse(""));
        }
        assertThat(seen).containsExactly("ada@example.org");
        assertThat(admin.get("/_sandbox/stats").dataMap())
                .containsEntry("GET /api/entity/{table}/{field}/{value}", new java.math.BigDecimal(3));
    }
}
