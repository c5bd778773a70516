package io.lytx.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22.10: a 100 MB upload used to run the sandbox out of memory (the body, then a String, then
 * every row were held). Here the standalone sandbox runs in a child JVM with a 512 MB heap that
 * exits on the first {@code OutOfMemoryError}; about 100 MB of CSV and 100 MB of newline-delimited
 * JSON, generated while they are sent, go to {@code /collect/bulk} over a real socket (chunked),
 * then a flood of new identities meets the profile limit. The sandbox must answer each upload,
 * keep every row, refuse the flood with 507 and keep serving. Row limits per record are
 * Lytics' (16 KB in a batch, docs.lytics.com platform-limits); the bulk host takes up to 1 GB
 * per upload (api-evangelist/lytics openapi BulkCSVUpload: bulk.lytics.io, "api.lytics.io ...
 * limited to 10MB").
 */
class LargeUploadProcessTest {

    private static final String TOKEN = "large-upload-admin";
    /** About 100 MB of CSV: 1,150,000 rows of about 90 bytes. */
    private static final int CSV_ROWS = 1_150_000;
    /** About 100 MB of JSON: 1,000,000 objects of about 100 bytes. */
    private static final int JSON_ROWS = 1_000_000;
    private static final int IDS = 20_000;
    private static final int MAX_PROFILES = 30_000;

    @TempDir
    Path tmp;

    private Process child;
    private SandboxHttp http;

    @BeforeEach
    void startWith512MbHeap() throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                "io.lytx.sandbox.Main", "--port", "0", "--no-demo-data", "--token", TOKEN,
                "--max-profiles", Integer.toString(MAX_PROFILES)));
        child = new ProcessBuilder(cmd).redirectError(tmp.resolve("stderr.txt").toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String first = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).get(120, TimeUnit.SECONDS);
        assertThat(first).startsWith("Lytics sandbox listening on ");
        http = new SandboxHttp(URI.create(first.substring("Lytics sandbox listening on ".length())), TOKEN);
    }

    @AfterEach
    void stop() throws Exception {
        child.destroy();
        child.waitFor(60, TimeUnit.SECONDS);
    }

    /** The last row of {@code rows} that belongs to identity {@code id} (row i is identity i % IDS). */
    private static int lastRowOf(int id, int rows) {
        int base = rows - rows % IDS;
        return base + id < rows ? base + id : base - IDS + id;
    }

    private SandboxHttp.Reply upload(String contentType, GeneratedUpload body) {
        HttpRequest request = HttpRequest.newBuilder(http.base().resolve("collect/bulk/big"))
                .header("Authorization", TOKEN).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build();
        return http.send(request);
    }

    @Test
    void hundredMegabyteUploadsStreamThroughA512MbHeapAndNewProfilesStopAtTheLimit() throws Exception {
        SandboxHttp.Reply csv = upload("text/csv", GeneratedUpload.csv(CSV_ROWS, IDS));
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.dataMap()).containsEntry("message_count", new BigDecimal(CSV_ROWS));
        assertThat(http.get("/api/entity/user/user_id/big-7").dataMap())
                .containsEntry("email", "big-7@example.org")
                .containsEntry("row", Integer.toString(lastRowOf(7, CSV_ROWS)));

        SandboxHttp.Reply json = upload("application/x-ndjson", GeneratedUpload.ndjson(JSON_ROWS, IDS));
        assertThat(json.status()).as(json.body()).isEqualTo(200);
        assertThat(json.dataMap()).containsEntry("message_count", new BigDecimal(JSON_ROWS));
        assertThat(http.get("/api/entity/user/user_id/big-7").dataMap()).containsEntry("row", Integer.toString(lastRowOf(7, JSON_ROWS)));

        // input: 20,000 identities never seen, against a limit of 30,000 with 20,000 held
        SandboxHttp.Reply flood = upload("text/csv", GeneratedUpload.csv(IDS, IDS, "new-"));
        assertThat(flood.status()).isEqualTo(507);
        assertThat(flood.message()).contains("holds " + MAX_PROFILES + " of at most " + MAX_PROFILES + " profiles")
                .contains("the " + (MAX_PROFILES - IDS) + " records before it were stored");

        assertThat(http.get("/api/entity/user/user_id/big-7").status()).isEqualTo(200);
        assertThat(http.get("/api/entity/user/user_id/new-" + (MAX_PROFILES - IDS - 1)).message()).isEqualTo("success");
        assertThat(http.postJson("/collect/json/web", "{\"user_id\":\"big-8\",\"plan\":\"gold\"}").status()).isEqualTo(200);
        assertThat(child.isAlive()).isTrue();
        assertThat(Files.readString(tmp.resolve("stderr.txt"))).doesNotContain("OutOfMemoryError");
    }
}
