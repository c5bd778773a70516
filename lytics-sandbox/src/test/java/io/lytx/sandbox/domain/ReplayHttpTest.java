package io.lytx.sandbox.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.lytx.sandbox.LyticsSandbox;
import io.lytx.sandbox.SandboxHttp;
import io.lytx.sandbox.SandboxOptions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every accepted domain change (events, segments, documents) is journaled and replayed on a
 * restart over the same data directory, giving the same answers.
 */
class ReplayHttpTest {

    private static final List<String> READS = List.of(
            "/api/entity/user/email/rita@example.org",
            "/api/entity/user/_uid/u_rita",
            "/api/entity/user/email/csv@example.org",
            "/api/segment",
            "/api/segment?table=content",
            "/api/content/doc?limit=100",
            "/api/content/recommend/user/_uid/u_rita",
            "/api/schema/user",
            "/api/schema/_streams");

    @Test
    void aRestartOnTheSameDataDirectoryReproducesTheDomainState(@TempDir Path data) {
        SandboxOptions options = SandboxOptions.defaults().withDemoData(false).withDataDir(data).withAdminToken("replay-admin");
        Map<String, Object> before = new LinkedHashMap<>();
        try (LyticsSandbox first = LyticsSandbox.start(options)) {
            SandboxHttp http = new SandboxHttp(first.baseUri(), first.adminToken());
            assertThat(http.postJson("/api/content/doc/classify",
                    "{\"url\":\"https://blog.example.org/posts/camera-basics\",\"title\":\"Camera basics\","
                            + "\"text\":\"camera lens aperture\"}").status()).isEqualTo(200);
            assertThat(http.postJson("/collect/json/web", "[{\"_uid\":\"u_rita\",\"_e\":\"pv\",\"_sesstart\":1,"
                    + "\"url\":\"blog.example.org/posts/camera-basics\",\"_eid\":\"r1\"},"
                    + "{\"_uid\":\"u_rita\",\"email\":\"rita@example.org\",\"plan\":\"pro\"}]").status()).isEqualTo(200);
            assertThat(http.postJson("/collect/json/web", "{\"_uid\":\"u_rita\",\"_eid\":\"r1\",\"_e\":\"pv\",\"_sesstart\":1}")
                    .status()).isEqualTo(200);
            assertThat(http.send("POST", "/collect/bulk/crm", "text/csv", "email,plan\ncsv@example.org,gold\n").status())
                    .isEqualTo(200);
            assertThat(http.send("POST", "/api/segment", "text/plain", "FILTER plan = \"pro\" ALIAS pros").status()).isEqualTo(201);
            assertThat(http.postJson("/api/segment", "{\"segment_ql\":\"FILTER EXISTS email\",\"slug_name\":\"emails\","
                    + "\"is_public\":true}").status()).isEqualTo(201);
            assertThat(http.postJson("/api/segment", "{\"segment_ql\":\"FILTER topics = \\\"photography\\\" FROM content\","
                    + "\"slug_name\":\"photo_docs\"}").status()).isEqualTo(201);
            assertThat(http.send("POST", "/api/segment", "text/plain", "FILTER * ALIAS temporary").status()).isEqualTo(201);
            assertThat(http.delete("/api/segment/temporary").status()).isEqualTo(204);
            assertThat(http.putJson("/api/segment/pros", "{\"is_public\":true,\"description\":\"paying\"}").status())
                    .isEqualTo(200);
            // a refused request must leave no trace in the journal
            assertThat(http.postJson("/collect/json/web", "[{\"_uid\":\"u_ghost\"}, 7]").status()).isEqualTo(400);
            for (String path : READS) {
                before.put(path, http.get(path).json());
            }
        }
        assertThat(before.get("/api/entity/user/email/rita@example.org").toString())
                .contains("pros", "emails", "visitct=1", "photography");

        try (LyticsSandbox second = LyticsSandbox.start(options)) {
            SandboxHttp http = new SandboxHttp(second.baseUri(), second.adminToken());
            for (String path : READS) {
                assertThat(http.get(path).json()).as(path).isEqualTo(before.get(path));
            }
            assertThat(http.get("/api/entity/user/_uid/u_ghost").message()).isEqualTo("Not Found");
        }
    }
}
