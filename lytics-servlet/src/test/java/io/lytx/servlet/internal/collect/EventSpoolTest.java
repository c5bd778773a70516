package io.lytx.servlet.internal.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The spool keeps events across a restart exactly, and survives hostile files and shared directories. */
class EventSpoolTest {

    private static final long CAP = 1024 * 1024;

    @TempDir
    Path dir;

    @RegisterExtension
    final CapturedLog log = new CapturedLog(EventSpool.class);

    private static CollectEvent event(int n) {
        return CollectEvent.builder().put("_e", "pv").put("_ts", Long.toString(1_700_000_000_000L + n))
                .put("_uid", "7b0e2f64-" + n).put("url", "shop.example/é/\"quoted\"\n" + n).build();
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void eventsComeBackWithTheirIdsTimesAndFieldsAndTheFileIsGone() throws IOException {
        List<CollectEvent> events = IntStream.range(0, 50).mapToObj(EventSpoolTest::event).toList();
        assertThat(new EventSpool(dir, CAP).write(events)).isEqualTo(50);
        assertThat(files()).singleElement().satisfies(f -> {
            assertThat(f.getFileName().toString()).matches("lytics-spool-[0-9a-f-]{36}-[0-9]+\\.jsonl");
            assertThat(Files.getPosixFilePermissions(f)).as("visitor ids: owner only")
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        });

        List<CollectEvent> back = new EventSpool(dir, CAP).claimAll();

        assertThat(back).extracting(CollectEvent::id).containsExactlyElementsOf(events.stream().map(CollectEvent::id).toList());
        assertThat(back).extracting(CollectEvent::fields).containsExactlyElementsOf(events.stream().map(CollectEvent::fields).toList());
        assertThat(files()).as("claimed and read: nothing left to send twice").isEmpty();
        assertThat(new EventSpool(dir, CAP).claimAll()).isEmpty();
    }

    @Test
    void writingStopsAtTheCap() throws IOException {
        List<CollectEvent> events = IntStream.range(0, 100).mapToObj(EventSpoolTest::event).toList();
        long oneLine = (EventSpool.toJson(events.get(0)) + "\n").getBytes(StandardCharsets.UTF_8).length;
        int written = new EventSpool(dir, oneLine * 10 + oneLine / 2).write(events);
        assertThat(written).isEqualTo(10);
        assertThat(Files.size(files().get(0))).isLessThanOrEqualTo(oneLine * 10 + oneLine / 2);
    }

    @Test
    void aHostileOrCorruptFileGivesItsGoodLinesAndOneClearWarning() throws IOException {
        Path file = dir.resolve("lytics-spool-" + UUID.randomUUID() + "-1.jsonl");
        byte[] invalidUtf8 = {'{', '"', '_', 'e', 'i', 'd', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'};
        // input: one good line among garbage, JSON that is not an event, a nested value, an id with a
        // space, bytes that are not UTF-8, a 70 KB line, and a truncated last line
        try (var out = Files.newOutputStream(file)) {
            out.write("not json at all\n".getBytes(StandardCharsets.UTF_8));
            out.write("[1,2,3]\n".getBytes(StandardCharsets.UTF_8));
            out.write("{\"_e\":\"pv\"}\n".getBytes(StandardCharsets.UTF_8));
            out.write("{\"_eid\":\"a\",\"x\":{\"y\":1}}\n".getBytes(StandardCharsets.UTF_8));
            out.write("{\"_eid\":\"has space\",\"_e\":\"pv\"}\n".getBytes(StandardCharsets.UTF_8));
            out.write(invalidUtf8);
            out.write(("{\"_eid\":\"big\",\"x\":\"" + "a".repeat(70 * 1024) + "\"}\n").getBytes(StandardCharsets.UTF_8));
            out.write("{\"_eid\":\"good-1\",\"_e\":\"pv\",\"_ts\":\"1700000000000\"}\n".getBytes(StandardCharsets.UTF_8));
            out.write("{\"_eid\":\"cut\",\"_e\":\"p".getBytes(StandardCharsets.UTF_8));
        }
        // input: a link named like a spool file, pointing at a file of someone else's
        Path secret = Files.writeString(dir.getParent().resolve("secret-" + UUID.randomUUID()), "{\"_eid\":\"secret\"}\n");
        Files.createSymbolicLink(dir.resolve("lytics-spool-" + UUID.randomUUID() + "-2.jsonl"), secret);
        Path foreign = Files.writeString(dir.resolve("notes.jsonl"), "{\"_eid\":\"foreign\"}\n");

        List<CollectEvent> back = new EventSpool(dir, CAP).claimAll();

        assertThat(back).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("good-1");
            assertThat(e.fields()).isEqualTo(Map.of("_e", "pv", "_ts", "1700000000000"));
        });
        assertThat(log.records()).filteredOn(r -> r.getLevel() == Level.WARNING).singleElement()
                .satisfies(r -> assertThat(r.getMessage()).contains(file.getFileName().toString()).contains("skipped 8 lines"));
        assertThat(foreign).as("files not named as spool files are left alone").exists();
        assertThat(secret).exists();
        Files.delete(secret);
    }

    @Test
    void twoNodesSharingTheDirectoryReadEachFileOnce() throws Exception {
        List<String> written = new ArrayList<>();
        for (int f = 0; f < 20; f++) {
            List<CollectEvent> events = IntStream.range(f * 10, f * 10 + 10).mapToObj(EventSpoolTest::event).toList();
            new EventSpool(dir, CAP).write(events);
            events.forEach(e -> written.add(e.id()));
        }
        CyclicBarrier start = new CyclicBarrier(2);
        Callable<List<CollectEvent>> node = () -> {
            EventSpool spool = new EventSpool(dir, CAP);
            start.await();
            return spool.claimAll();
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<List<CollectEvent>> a = pool.submit(node);
            Future<List<CollectEvent>> b = pool.submit(node);
            List<String> read = new ArrayList<>();
            a.get().forEach(e -> read.add(e.id()));
            b.get().forEach(e -> read.add(e.id()));
            assertThat(read).as("every event read by exactly one node").containsExactlyInAnyOrderElementsOf(written);
        } finally {
            pool.shutdownNow();
        }
        assertThat(files()).isEmpty();
    }
}
