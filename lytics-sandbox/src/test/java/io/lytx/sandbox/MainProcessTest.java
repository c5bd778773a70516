package io.lytx.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone {@code Main} in a child JVM: what it prints and how it fails. */
class MainProcessTest {

    @TempDir
    Path tmp;

    private Process start(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.lytx.sandbox.Main"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectError(tmp.resolve("stderr.txt").toFile()).start();
    }

    /** Reads stdout until the token line (or the end); bounded so a broken child cannot stall the build. */
    private static List<String> headLines(Process p) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        return CompletableFuture.supplyAsync(() -> {
            List<String> lines = new ArrayList<>();
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                    if (line.startsWith("Admin token: ")) {
                        break;
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return lines;
        }).get(120, TimeUnit.SECONDS);
    }

    @Test
    void printsItsUrlAndTheGeneratedAdminTokenWhichWorks() throws Exception {
        Process p = start("--port", "0", "--no-demo-data");
        try {
            List<String> lines = headLines(p);
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0)).matches("Lytics sandbox listening on http://127\\.0\\.0\\.1:\\d+/");
            assertThat(lines.get(1)).matches("Admin token: sbx_[0-9a-f]{40}");
            URI base = URI.create(lines.get(0).substring("Lytics sandbox listening on ".length()));
            String token = lines.get(1).substring("Admin token: ".length());
            assertThat(new SandboxHttp(base, token).get("/api/account/current").status()).isEqualTo(200);
            assertThat(new SandboxHttp(base, "other").get("/api/account/current").status()).isEqualTo(401);
        } finally {
            p.destroy();
            p.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void identityFieldsOptionMakesAnotherFieldIdentifyAndStitchProfiles() throws Exception {
        // input: --identity-fields _uid,crm_id (email and user_id dropped, crm_id added)
        Process p = start("--port", "0", "--no-demo-data", "--token", "s3cret-admin", "--identity-fields", "_uid,crm_id");
        try {
            List<String> lines = headLines(p);
            URI base = URI.create(lines.get(0).substring("Lytics sandbox listening on ".length()));
            SandboxHttp http = new SandboxHttp(base, "s3cret-admin");
            http.postJson("/collect/json/crm", "{\"crm_id\":\"C-9\",\"first_name\":\"Kim\"}");
            http.postJson("/collect/json/web", "{\"_uid\":\"u_kim\",\"crm_id\":\"C-9\",\"_e\":\"pv\"}");

            SandboxHttp.Reply byCrm = http.get("/api/entity/user/crm_id/C-9");
            assertThat(byCrm.message()).isEqualTo("success");
            assertThat(byCrm.dataMap()).containsEntry("first_name", "Kim").containsEntry("_uids", List.of("u_kim"));
            assertThat(byCrm.json().get("meta")).extracting("by_fields").isEqualTo(List.of("_uids", "crm_id"));
            assertThat(http.get("/api/entity/user/_uid/u_kim").dataMap()).isEqualTo(byCrm.dataMap());
            assertThat(http.get("/api/entity/user/email/kim@example.org").status())
                    .as("email is no identity field any more").isEqualTo(400);
        } finally {
            p.destroy();
            p.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void aTakenPortExitsWith1AndSaysWhy() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Process p = start("--port", Integer.toString(taken.getLocalPort()), "--no-demo-data");
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isEqualTo(1);
            assertThat(Files.readString(tmp.resolve("stderr.txt"))).contains("lytics-sandbox: cannot start")
                    .contains(Integer.toString(taken.getLocalPort()));
        }
    }

    @Test
    void aBadOptionExitsWith2AndPrintsTheUsage() throws Exception {
        Process p = start("--colour");
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(Files.readString(tmp.resolve("stderr.txt"))).contains("unknown option \"--colour\"")
                .contains("Usage: java -jar lytics-sandbox.jar");
    }
}
