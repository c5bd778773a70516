package io.lytx.sandbox.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.lytx.sandbox.LyticsSandbox;
import io.lytx.sandbox.SandboxHttp;
import io.lytx.sandbox.SandboxOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Persistence with {@code --data}: state survives a clean restart, a {@code kill -9} of a child
 * JVM running {@code Main}, and a torn last journal record.
 */
class PersistenceHttpTest {

    private static final String TOKEN = "persist-admin";

    @TempDir
    Path data;

    /** Creates one of each persisted thing; returns the created observer token. */
    private static String createState(SandboxHttp admin) {
        String created = admin.postJson("/api/auth/createtoken", "{\"label\":\"kept\",\"scopes\":[\"observer\"]}").body();
        String secret = created.replaceAll(".*\"value\":\"([^\"]+)\".*", "$1");
        assertThat(admin.putJson("/api/account/setting/api_ip_whitelist", "[\"127.0.0.0/8\",\"::1/128\"]").status())
                .isEqualTo(200);
        assertThat(admin.postJson("/collect/json/web",
                "[{\"_uid\":\"u_keep\",\"email\":\"keep@example.org\",\"plan\":\"gold\"},"
                        + "{\"_uid\":\"u_keep\",\"city\":\"Lyon\"}]").status()).isEqualTo(200);
        assertThat(admin.postJson("/api/segment",
                "{\"name\":\"Gold\",\"slug_name\":\"gold_plan\",\"segment_ql\":\"FILTER plan = \\\"gold\\\" FROM user\","
                        + "\"is_public\":true}").status()).isIn(200, 201);
        return secret;
    }

    private static void assertStateKept(SandboxHttp admin, String observerToken) {
        assertThat(admin.withToken(observerToken).get("/api/account").status()).isEqualTo(200);
        assertThat(admin.get("/api/account/setting/api_ip_whitelist").dataMap().get("value"))
                .isEqualTo(List.of("127.0.0.0/8", "::1/128"));
        SandboxHttp.Reply entity = admin.get("/api/entity/user/email/keep@example.org");
        assertThat(entity.message()).isEqualTo("success");
        assertThat(entity.dataMap()).containsEntry("plan", "gold").containsEntry("city", "Lyon");
        assertThat(String.valueOf(entity.dataMap().get("segments"))).contains("gold_plan");
        assertThat(admin.get("/api/segment/gold_plan").status()).isEqualTo(200);
    }

    private static SandboxOptions options(Path dir) {
        return SandboxOptions.defaults().withDemoData(false).withAdminToken(TOKEN).withDataDir(dir);
    }

    @Test
    void stateSurvivesACleanRestart() {
        String observer;
        try (LyticsSandbox first = LyticsSandbox.start(options(data))) {
            observer = createState(new SandboxHttp(first.baseUri(), TOKEN));
        }
        try (LyticsSandbox second = LyticsSandbox.start(options(data))) {
            assertThat(second.replayReport().applied()).isGreaterThanOrEqualTo(4);
            assertThat(second.replayReport().discardedBytes()).isZero();
            assertStateKept(new SandboxHttp(second.baseUri(), TOKEN), observer);
        }
    }

    @Test
    void withoutADataDirectoryNothingSurvives() {
        try (LyticsSandbox first = LyticsSandbox.start(SandboxOptions.defaults().withDemoData(false))) {
            createState(new SandboxHttp(first.baseUri(), first.adminToken()));
        }
        try (LyticsSandbox second = LyticsSandbox.start(SandboxOptions.defaults().withDemoData(false))) {
            SandboxHttp admin = new SandboxHttp(second.baseUri(), second.adminToken());
            assertThat(admin.get("/api/entity/user/email/keep@example.org").message()).isEqualTo("Not Found");
            assertThat(second.replayReport().applied()).isZero();
        }
    }

    @Test
    void concurrentWritesAreAllKeptInTheJournal() throws Exception {
        int threads = 8;
        int perThread = 25;
        try (LyticsSandbox first = LyticsSandbox.start(options(data))) {
            SandboxHttp admin = new SandboxHttp(first.baseUri(), TOKEN);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
            try {
                List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    results.add(pool.submit(() -> {
                        int ok = 0;
                        for (int i = 0; i < perThread; i++) {
                            ok += admin.postJson("/collect/json/par", "{\"_uid\":\"u_par_" + thread + "_" + i
                                    + "\",\"n\":" + i + "}").status() == 200 ? 1 : 0;
                        }
                        return ok;
                    }));
                }
                int ok = 0;
                for (java.util.concurrent.Future<Integer> f : results) {
                    ok += f.get(120, TimeUnit.SECONDS);
                }
                assertThat(ok).isEqualTo(threads * perThread);
            } finally {
                pool.shutdownNow();
            }
        }
        try (LyticsSandbox second = LyticsSandbox.start(options(data))) {
            assertThat(second.replayReport().applied()).isEqualTo(threads * perThread);
            assertThat(second.replayReport().discardedBytes()).isZero();
            SandboxHttp admin = new SandboxHttp(second.baseUri(), TOKEN);
            for (int t = 0; t < threads; t++) {
                for (int i = 0; i < perThread; i++) {
                    assertThat(admin.get("/api/entity/user/_uid/u_par_" + t + "_" + i).message())
                            .as("u_par_%d_%d", t, i).isEqualTo("success");
                }
            }
        }
    }

    @Test
    void aTornLastRecordIsDiscardedAndEverythingBeforeItIsKept() throws IOException {
        String observer;
        try (LyticsSandbox first = LyticsSandbox.start(options(data))) {
            SandboxHttp admin = new SandboxHttp(first.baseUri(), TOKEN);
            observer = createState(admin);
            admin.putJson("/api/account/setting/private_fields", "[\"email\"]");
        }
        Path journal = data.resolve(FileJournal.FILE_NAME);
        // input: the last record (the private_fields change) cut short, as a crash mid-write leaves it
        try (FileChannel ch = FileChannel.open(journal, StandardOpenOption.WRITE)) {
            ch.truncate(Files.size(journal) - 4);
        }
        try (JournalWarnings warnings = JournalWarnings.capture();
             LyticsSandbox second = LyticsSandbox.start(options(data))) {
            assertThat(second.replayReport().discardedBytes()).isPositive();
            assertThat(warnings.texts()).singleElement().asString().contains("discarding");
            SandboxHttp admin = new SandboxHttp(second.baseUri(), TOKEN);
            assertStateKept(admin, observer);
            assertThat(admin.get("/api/account/setting/private_fields").dataMap().get("value")).isNull();
            // the log goes on cleanly after the cut
            admin.putJson("/api/account/setting/entity_timeout_ms", "1234");
        }
        try (LyticsSandbox third = LyticsSandbox.start(options(data))) {
            assertThat(third.replayReport().discardedBytes()).isZero();
            SandboxHttp admin = new SandboxHttp(third.baseUri(), TOKEN);
            assertThat(admin.get("/api/account/setting/entity_timeout_ms").body()).contains("\"value\":1234");
        }
    }

    @Test
    void stateSurvivesKillMinus9OfAChildJvm() throws Exception {
        Process child = startChild();
        String observer;
        try {
            SandboxHttp admin = new SandboxHttp(awaitBaseUri(child), TOKEN);
            observer = createState(admin);
            // every change was acknowledged, so it is in the journal: kill without any shutdown
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).isEqualTo(137);
        } finally {
            child.destroyForcibly();
        }
        Process again = startChild();
        try {
            assertStateKept(new SandboxHttp(awaitBaseUri(again), TOKEN), observer);
        } finally {
            again.destroyForcibly();
            again.waitFor(60, TimeUnit.SECONDS);
        }
    }

    private Process startChild() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "io.lytx.sandbox.Main", "--port", "0", "--token", TOKEN, "--data", data.toString(), "--no-demo-data");
        pb.redirectError(childErr().toFile());
        return pb.start();
    }

    private Path childErr() {
        return data.resolve("child-stderr.txt");
    }

    private URI awaitBaseUri(Process child) throws Exception {
        Path err = childErr();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<URI> uri = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("Lytics sandbox listening on ")) {
                        return URI.create(line.substring("Lytics sandbox listening on ".length()).trim());
                    }
                }
                String stderr;
                try {
                    stderr = Files.exists(err) ? Files.readString(err) : "";
                } catch (IOException e) {
                    stderr = "(stderr unreadable: " + e + ")";
                }
                throw new IllegalStateException("the child sandbox exited before printing its URL; stderr:\n" + stderr);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        // a bound on a child process start-up, not a performance assertion
        return uri.get(120, TimeUnit.SECONDS);
    }
}
