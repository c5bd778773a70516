package io.lytx.sandbox.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.lytx.sandbox.SandboxExtension;
import io.lytx.sandbox.SandboxHttp;
import io.lytx.sandbox.SandboxOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The collection endpoints over real HTTP against the embedded sandbox (no demo data). */
class CollectHttpTest {

    @RegisterExtension
    static final SandboxExtension lytics = new SandboxExtension(SandboxOptions.defaults().withDemoData(false));

    private static SandboxHttp.Reply entity(String field, String value) {
        return lytics.admin().get("/api/entity/user/" + field + "/" + URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    @Test
    void oneObjectIsCollectedAndBuildsAProfile() {
        SandboxHttp.Reply r = lytics.admin().postJson("/collect/json/web?filename=one.json",
                "{\"email\":\"one@example.org\",\"first_name\":\"Uno\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.dataMap()).containsEntry("message_count", new BigDecimal("1"))
                .containsEntry("rejected_count", new BigDecimal("0"))
                .containsEntry("filename", "one.json").containsEntry("dryrun", false);
        assertThat(entity("email", "one@example.org").dataMap()).containsEntry("first_name", "Uno");
    }

    @Test
    void anArrayIsCollectedAndADryRunCountsWithoutStoring() {
        String events = "[{\"email\":\"dry@example.org\"},{\"_uid\":\"dry-1\"},{\"_uid\":\"dry-2\"}]";
        SandboxHttp.Reply dry = lytics.admin().postJson("/collect/json/web?dryrun=true", events);
        assertThat(dry.dataMap()).containsEntry("message_count", new BigDecimal("3")).containsEntry("dryrun", true);
        assertThat(entity("email", "dry@example.org").message()).isEqualTo("Not Found");

        SandboxHttp.Reply wet = lytics.admin().postJson("/collect/json/web", events);
        assertThat(wet.dataMap()).containsEntry("message_count", new BigDecimal("3"));
        assertThat(entity("_uid", "dry-2").message()).isEqualTo("success");
    }

    @Test
    void malformedJsonIsRefusedWithLineAndColumnAndStoresNothing() {
        // input: the second line misses a closing quote after "bad@example.org; nothing may be stored
        SandboxHttp.Reply r = lytics.admin().postJson("/collect/json/web", "[{\"email\":\"ok@example.org\"},\n{\"email\":\"bad@example.org}]");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.message()).startsWith("malformed JSON at line 2, column ");
        assertThat(entity("email", "ok@example.org").message()).isEqualTo("Not Found");
    }

    @Test
    void anArrayWithANonObjectIsRefusedWhole() {
        // input: element 1 is a number; element 0 must not be stored either
        SandboxHttp.Reply r = lytics.admin().postJson("/collect/json/web", "[{\"email\":\"first@example.org\"}, 42]");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.message()).contains("element 1").contains("number");
        assertThat(entity("email", "first@example.org").message()).isEqualTo("Not Found");
    }

    @Test
    void aNonJsonContentTypeIs415() {
        // input: XML declared as text/xml on the JSON endpoint
        SandboxHttp.Reply r = lytics.admin().send("POST", "/collect/json/web", "text/xml", "<event/>");
        assertThat(r.status()).isEqualTo(415);
        assertThat(r.message()).contains("text/xml");
    }

    @Test
    void anUnreadableTimestampFieldRejectsOnlyThatEvent() {
        SandboxHttp.Reply r = lytics.admin().postJson("/collect/json/web?timestamp_field=when",
                "[{\"_uid\":\"ts-ok\",\"when\":\"2024-05-01T12:00:00Z\",\"_e\":\"pv\"},{\"_uid\":\"ts-bad\",\"when\":\"someday\"}]");
        assertThat(r.dataMap()).containsEntry("message_count", new BigDecimal("1"))
                .containsEntry("rejected_count", new BigDecimal("1")).containsEntry("timestamp_field", "when");
        assertThat(entity("_uid", "ts-ok").dataMap()).containsEntry("lastvisit_ts", "2024-05-01T12:00:00Z");
        assertThat(entity("_uid", "ts-bad").message()).isEqualTo("Not Found");
    }

    @Test
    void bulkCsvWithAHeaderRowOrHeadersAndTabs() {
        SandboxHttp.Reply r = lytics.admin().send("POST", "/collect/bulk/crm", "text/csv",
                "email,first_name,plan\ncsv1@example.org,Cee,gold\ncsv2@example.org,\"Ess, Vee\",silver\n");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.dataMap()).containsEntry("message_count", new BigDecimal("2"))
                .containsEntry("content-type", "application/csv");
        assertThat(entity("email", "csv2@example.org").dataMap()).containsEntry("first_name", "Ess, Vee");

        SandboxHttp.Reply tabs = lytics.admin().send("POST", "/collect/bulk/crm?headers=email,plan&delimiter=t", "application/csv",
                "tab@example.org\tbronze\n");
        assertThat(tabs.dataMap()).containsEntry("message_count", new BigDecimal("1"));
        assertThat(entity("email", "tab@example.org").dataMap()).containsEntry("plan", "bronze");
    }

    @Test
    void aGzippedCsvIsInflated() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write("email,plan\ngz@example.org,zip\n".getBytes(StandardCharsets.UTF_8));
        }
        HttpRequest request = HttpRequest.newBuilder(lytics.sandbox().baseUri().resolve("collect/bulk/crm"))
                .header("Authorization", lytics.sandbox().adminToken()).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes.toByteArray())).build();
        SandboxHttp.Reply r = lytics.admin().send(request);
        assertThat(r.status()).isEqualTo(200);
        assertThat(entity("email", "gz@example.org").dataMap()).containsEntry("plan", "zip");
    }

    @Test
    void aBadCsvLineStopsTheUploadThereUnlessDropErrors() {
        // learn.lytics.com data-upload, "Error Handling": "Upon error, it will stop processing and
        // return. So, we suggest trying uploading files with dryrun=true"; droperrors skips bad rows.
        // input: line 3 has an extra field; line 2 before it is stored, line 4 after it is not
        String csv = "email,plan\nbulk-ok@example.org,gold\nbulk-bad@example.org,gold,extra\nbulk-last@example.org,tin\n";
        SandboxHttp.Reply dry = lytics.admin().send("POST", "/collect/bulk/crm?dryrun=true", "text/csv", csv);
        assertThat(dry.status()).isEqualTo(400);
        assertThat(dry.message()).contains("line 3, column 3").endsWith("nothing was stored (dry run)");
        assertThat(entity("email", "bulk-ok@example.org").message()).isEqualTo("Not Found");

        SandboxHttp.Reply r = lytics.admin().send("POST", "/collect/bulk/crm", "text/csv", csv);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.message()).contains("line 3, column 3").endsWith("the 1 records before it were stored");
        assertThat(entity("email", "bulk-ok@example.org").dataMap()).containsEntry("plan", "gold");
        assertThat(entity("email", "bulk-last@example.org").message()).isEqualTo("Not Found");

        SandboxHttp.Reply dryDropped = lytics.admin().send("POST", "/collect/bulk/crm?droperrors=true&dryrun=true", "text/csv", csv);
        assertThat(dryDropped.dataMap()).containsEntry("message_count", new BigDecimal("2")).containsEntry("dryrun", true);
        assertThat(entity("email", "bulk-last@example.org").message()).isEqualTo("Not Found");

        SandboxHttp.Reply dropped = lytics.admin().send("POST", "/collect/bulk/crm?droperrors=true", "text/csv", csv);
        assertThat(dropped.dataMap()).containsEntry("message_count", new BigDecimal("2"))
                .containsEntry("rejected_count", new BigDecimal("1")).containsEntry("droperrors", true);
        assertThat(entity("email", "bulk-last@example.org").dataMap()).containsEntry("plan", "tin");
    }

    @Test
    void theJsTagPixelNeedsNoTokenAndDecodesTheSerializedEvent() {
        SandboxHttp anonymous = lytics.admin().withToken(null);
        String query = "_e=pv&_uid=u_pixel&url=example.org%2Fhome&user.plan=pro&tags_len=2&tags_json="
                + URLEncoder.encode("[\"a\",\"b\"]", StandardCharsets.UTF_8) + "&tags=a&tags=b";
        SandboxHttp.Reply r = anonymous.get("/c/any-account?" + query);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("image/gif");
        Map<String, Object> p = entity("_uid", "u_pixel").dataMap();
        assertThat(p).containsEntry("user", Map.of("plan", "pro")).containsEntry("tags", List.of("a", "b"))
                .containsEntry("visitct", "1");

        String form = "_js=" + URLEncoder.encode("_e=pv&_uid=u_form&title=Long%20page", StandardCharsets.UTF_8);
        SandboxHttp.Reply posted = anonymous.send("POST", "/c/any-account/web", "application/x-www-form-urlencoded", form);
        assertThat(posted.status()).isEqualTo(200);
        assertThat(entity("_uid", "u_form").dataMap()).containsEntry("title", "Long page");
    }

    @Test
    void anEventWithASeenEidIsCountedButNotAppliedTwice() {
        String event = "{\"_uid\":\"dedup\",\"_eid\":\"evt-1\",\"_e\":\"pv\",\"_sesstart\":1,\"url\":\"x.org\"}";
        assertThat(lytics.admin().postJson("/collect/json/web", event).dataMap()).containsEntry("message_count", new BigDecimal("1"));
        assertThat(lytics.admin().postJson("/collect/json/web", event).dataMap()).containsEntry("message_count", new BigDecimal("1"));
        assertThat(entity("_uid", "dedup").dataMap()).containsEntry("visitct", "1");
    }

    @Test
    void concurrentCollectionLosesNoEvent() throws Exception {
        int threads = 4;
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    int ok = 0;
                    for (int i = 0; i < perThread; i++) {
                        String event = "{\"_uid\":\"u_busy\",\"_e\":\"pv\",\"_sesstart\":1,\"n" + thread + "\":\"" + i + "\"}";
                        ok += lytics.admin().postJson("/collect/json/web", event).status() == 200 ? 1 : 0;
                    }
                    return ok;
                }));
            }
            for (Future<Integer> f : results) {
                assertThat(f.get()).isEqualTo(perThread);
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, Object> p = entity("_uid", "u_busy").dataMap();
        assertThat(p).containsEntry("visitct", String.valueOf(threads * perThread))
                .containsEntry("n0", String.valueOf(perThread - 1)).containsEntry("n3", String.valueOf(perThread - 1));
    }

    @Test
    void anInvalidStreamNameIs400() {
        // input: a stream name with a space (encoded); streams are letters, digits, _ - .
        SandboxHttp.Reply r = lytics.admin().postJson("/collect/json/bad%20stream", "{}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.message()).contains("bad stream");
    }
}
