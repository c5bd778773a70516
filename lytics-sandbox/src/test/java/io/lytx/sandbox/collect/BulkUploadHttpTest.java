package io.lytx.sandbox.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.lytx.sandbox.GeneratedUpload;
import io.lytx.sandbox.SandboxExtension;
import io.lytx.sandbox.SandboxHttp;
import io.lytx.sandbox.SandboxOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bulk uploads and the request cap of the API host, as Lytics' v1 API reference describes them
 * (api-evangelist/lytics openapi/lytics-data-upload-api-openapi.yml; the same text at
 * docs.lytics.com/reference/bulkcsvupload and learn.lytics.com developing/api-docs/data-upload):
 * BulkCSVUpload ("Note Domain this api is on a different domain https://bulk.lytics.io because the
 * api.lytics.io domain is limited to 10MB file uploads", {@code append} "JSON encoded object of
 * additional name-value pairs to append to each record") and BulkJSONUpload ({@code {"order_ids":[1,2,3]}}
 * is ok, {@code {"orders":[{"id":1,"price":22},...]}} "is not valid because it has objects nested
 * inside arrays"); record sizes from docs.lytics.com platform-limits (16 KB per record in a batch).
 * The sandbox serves the bulk host's endpoint on its one port.
 */
class BulkUploadHttpTest {

    @RegisterExtension
    static final SandboxExtension lytics = new SandboxExtension(SandboxOptions.defaults().withDemoData(false));

    private static SandboxHttp.Reply entity(String field, String value) {
        return lytics.admin().get("/api/entity/user/" + field + "/" + URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    private static SandboxHttp.Reply bulk(String query, String contentType, String body) {
        return lytics.admin().send("POST", "/collect/bulk/orders" + query, contentType, body);
    }

    @Test
    void newlineDelimitedJsonIsCollected() {
        SandboxHttp.Reply r = bulk("?filename=orders.json", "application/json",
                "{\"email\":\"nd1@example.org\",\"order_ids\":[1,2,3]}\n{\"email\":\"nd2@example.org\",\"plan\":\"gold\"}\n");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.dataMap()).containsEntry("message_count", new BigDecimal("2")).containsEntry("rejected_count", BigDecimal.ZERO)
                .containsEntry("content-type", "application/json").containsEntry("filename", "orders.json");
        assertThat((List<?>) entity("email", "nd1@example.org").dataMap().get("order_ids")).extracting(String::valueOf)
                .containsExactly("1", "2", "3");
        assertThat(entity("email", "nd2@example.org").dataMap()).containsEntry("plan", "gold");
    }

    @Test
    void anArrayOfObjectsAndObjectsSpanningLinesAreCollected() {
        SandboxHttp.Reply array = bulk("", "application/json", "[{\"email\":\"arr1@example.org\"},\n {\"email\":\"arr2@example.org\"}]");
        assertThat(array.dataMap()).containsEntry("message_count", new BigDecimal("2"));
        assertThat(entity("email", "arr2@example.org").message()).isEqualTo("success");

        SandboxHttp.Reply pretty = bulk("", "application/x-ndjson", "{\n  \"email\": \"pretty@example.org\",\n  \"note\": \"a } in text\"\n}\n");
        assertThat(pretty.dataMap()).containsEntry("message_count", BigDecimal.ONE);
        assertThat(entity("email", "pretty@example.org").dataMap()).containsEntry("note", "a } in text");
    }

    @Test
    void anObjectNestedInsideAnArrayStopsTheUploadUnlessDropErrors() {
        // input: record 2 is Lytics' own example of what the bulk JSON upload does not accept
        String body = "{\"email\":\"nest-ok@example.org\",\"order_ids\":[1,2]}\n"
                + "{\"email\":\"nest-bad@example.org\",\"orders\":[{\"id\":1,\"price\":22},{\"id\":2,\"price\":23}]}\n"
                + "{\"email\":\"nest-after@example.org\"}\n";
        SandboxHttp.Reply r = bulk("", "application/json", body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.message()).contains("line 2").contains("object nested inside an array").contains("'orders'")
                .endsWith("the 1 records before it were stored");
        assertThat(entity("email", "nest-ok@example.org").message()).isEqualTo("success");
        assertThat(entity("email", "nest-bad@example.org").message()).isEqualTo("Not Found");
        assertThat(entity("email", "nest-after@example.org").message()).isEqualTo("Not Found");

        SandboxHttp.Reply dropped = bulk("?droperrors=true", "application/json", body);
        assertThat(dropped.dataMap()).containsEntry("message_count", new BigDecimal("2")).containsEntry("rejected_count", BigDecimal.ONE);
        assertThat(entity("email", "nest-after@example.org").message()).isEqualTo("success");
    }

    @Test
    void malformedJsonNamesItsLineAndColumnInTheWholeUpload() {
        // input: the second record misses the closing quote of its value
        SandboxHttp.Reply r = bulk("", "application/json", "{\"email\":\"mal-ok@example.org\"}\n{\"email\":\"mal-bad@example.org}\n");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.message()).startsWith("malformed JSON at line 2, column ");
        assertThat(entity("email", "mal-ok@example.org").message()).isEqualTo("success");
    }

    @Test
    void aGzippedJsonUploadIsInflated() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write("{\"email\":\"gzjson@example.org\",\"plan\":\"zip\"}\n".getBytes(StandardCharsets.UTF_8));
        }
        HttpRequest request = HttpRequest.newBuilder(lytics.sandbox().baseUri().resolve("collect/bulk/orders"))
                .header("Authorization", lytics.sandbox().adminToken()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes.toByteArray())).build();
        assertThat(lytics.admin().send(request).status()).isEqualTo(200);
        assertThat(entity("email", "gzjson@example.org").dataMap()).containsEntry("plan", "zip");
    }

    @Test
    void appendAddsItsFieldsToEveryCsvRowAsInLyticsExample() {
        // input: append = urlencode({"source":"crm"}), exactly as in the BulkCSVUpload example
        SandboxHttp.Reply r = bulk("?append=%7B%22source%22%3A%22crm%22%7D", "application/csv",
                "email,plan\nappend1@example.org,gold\nappend2@example.org,tin\n");
        assertThat(r.dataMap()).containsEntry("message_count", new BigDecimal("2"));
        assertThat(entity("email", "append2@example.org").dataMap()).containsEntry("source", "crm").containsEntry("plan", "tin");
    }

    @Test
    void aCsvRecordOver16KbIsABadRecord() {
        // input: line 3 holds a 17,000-character field; lines 2 and 4 are ordinary
        String csv = "email,note\nbig-ok@example.org,short\nbig-bad@example.org," + "x".repeat(17_000)
                + "\nbig-after@example.org,short\n";
        SandboxHttp.Reply r = bulk("", "text/csv", csv);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.message()).contains("line 3").contains("larger than 16384 bytes");
        SandboxHttp.Reply dropped = bulk("?droperrors=true", "text/csv", csv);
        assertThat(dropped.dataMap()).containsEntry("message_count", new BigDecimal("2")).containsEntry("rejected_count", BigDecimal.ONE);
        assertThat(entity("email", "big-after@example.org").message()).isEqualTo("success");
        assertThat(entity("email", "big-bad@example.org").message()).isEqualTo("Not Found");
    }

    @Test
    void collectJsonKeepsLyticsRecordLimits4KbAloneAnd16KbInABatch() {
        // docs.lytics.com platform-limits: "Max input size 4 KB" (a single input record), "Max size in
        // batch 16 KB" (a single input record within a batch). Chosen: an oversized record is not
        // stored and is counted in rejected_count; the others are stored.
        // input: one object of about 5 KB alone; then an array with a 5 KB and a 17 KB element
        String fiveKb = "{\"email\":\"alone@example.org\",\"pad\":\"" + "a".repeat(5 * 1024) + "\"}";
        SandboxHttp.Reply alone = lytics.admin().postJson("/collect/json/orders", fiveKb);
        assertThat(alone.status()).isEqualTo(200);
        assertThat(alone.dataMap()).containsEntry("message_count", BigDecimal.ZERO).containsEntry("rejected_count", BigDecimal.ONE);
        assertThat(entity("email", "alone@example.org").message()).isEqualTo("Not Found");

        SandboxHttp.Reply batch = lytics.admin().postJson("/collect/json/orders", "[" + fiveKb.replace("alone@", "in-batch@") + ","
                + "{\"email\":\"too-big@example.org\",\"pad\":\"" + "b".repeat(17 * 1024) + "\"}]");
        assertThat(batch.dataMap()).containsEntry("message_count", BigDecimal.ONE).containsEntry("rejected_count", BigDecimal.ONE);
        assertThat(entity("email", "in-batch@example.org").message()).isEqualTo("success");
        assertThat(entity("email", "too-big@example.org").message()).isEqualTo("Not Found");

        // input: the same 5 KB event through the JS tag's pixel (a single record)
        String query = "_e=pv&_uid=pixel-too-big&pad=" + "c".repeat(5 * 1024);
        assertThat(lytics.admin().withToken(null).get("/c/any/default?" + query).status()).isEqualTo(200);
        assertThat(entity("_uid", "pixel-too-big").message()).isEqualTo("Not Found");
    }

    @Test
    void theApiHostRefusesABodyOver10MbWithA413ThatPointsToTheBulkEndpoint() {
        // input: a JSON array just over 10 MB to /collect/json, and a FilterQL body over 10 MB
        String big = "[{\"email\":\"cap@example.org\",\"pad\":\"" + "p".repeat(10 * 1024 * 1024) + "\"}]";
        SandboxHttp.Reply json = lytics.admin().postJson("/collect/json/orders", big);
        assertThat(json.status()).isEqualTo(413);
        assertThat(json.message()).contains("10 MB").contains("/collect/bulk/{stream}");
        assertThat(entity("email", "cap@example.org").message()).isEqualTo("Not Found");

        SandboxHttp.Reply segment = lytics.admin().send("POST", "/api/segment/validate", "text/plain",
                "FILTER x = \"" + "q".repeat(10 * 1024 * 1024) + "\" FROM user");
        assertThat(segment.status()).isEqualTo(413);
    }

    @Test
    void theBulkEndpointTakesAStreamedUploadOver10Mb() {
        // input: a chunked CSV body of 150,000 rows (about 12 MB), generated while it is sent
        int rows = 150_000;
        HttpRequest request = HttpRequest.newBuilder(lytics.sandbox().baseUri().resolve("collect/bulk/orders"))
                .header("Authorization", lytics.sandbox().adminToken()).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> GeneratedUpload.csv(rows, 1000))).build();
        SandboxHttp.Reply r = lytics.admin().send(request);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.dataMap()).containsEntry("message_count", new BigDecimal(rows));
        assertThat(entity("user_id", "big-999").dataMap()).containsEntry("row", Integer.toString(rows - 1));
    }

    @Test
    void identicalAnswerShapeForCsvAndJson() {
        Map<String, Object> csv = bulk("", "text/csv", "email\nshape1@example.org\n").dataMap();
        Map<String, Object> json = bulk("", "application/json", "{\"email\":\"shape2@example.org\"}").dataMap();
        assertThat(json.keySet()).isEqualTo(csv.keySet())
                .containsExactly("message_count", "rejected_count", "content-type", "droperrors", "dryrun", "timestamp_field", "filename");
    }
}
