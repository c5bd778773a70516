package io.lytx.sandbox.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.math.BigDecimal;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileJournalTest {

    @TempDir
    Path dir;

    private JournalWarnings warnings;

    @BeforeEach
    void captureWarnings() {
        warnings = JournalWarnings.capture();
    }

    @AfterEach
    void releaseWarnings() {
        warnings.close();
    }

    private List<Map<String, Object>> replay(Path data) {
        List<Map<String, Object>> seen = new ArrayList<>();
        try (FileJournal j = FileJournal.open(data, true)) {
            j.register("event", seen::add);
            j.replay();
        }
        return seen;
    }

    private void write(Path data, int count) {
        try (FileJournal j = FileJournal.open(data, true)) {
            j.register("event", r -> { });
            j.replay();
            for (int i = 0; i < count; i++) {
                j.append("event", Map.of("n", i, "text", "record " + i));
            }
        }
    }

    @Test
    void recordsComeBackInOrderAsParsedJson() {
        write(dir, 3);
        List<Map<String, Object>> seen = replay(dir);
        assertThat(seen).hasSize(3);
        assertThat(seen.get(0)).containsEntry("n", new BigDecimal("0")).containsEntry("text", "record 0");
        assertThat(seen.get(2)).containsEntry("n", new BigDecimal("2"));
    }

    @Test
    void aTruncatedLastRecordIsDiscardedAndEarlierOnesSurvive() throws IOException {
        write(dir, 3);
        Path file = dir.resolve(FileJournal.FILE_NAME);
        long size = Files.size(file);
        // input: the last record cut 5 bytes short, as a crash mid-write leaves it
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(size - 5);
        }
        List<Map<String, Object>> seen = new ArrayList<>();
        ReplayReport report;
        try (FileJournal j = FileJournal.open(dir, true)) {
            j.register("event", seen::add);
            report = j.replay();
            j.append("event", Map.of("n", 99));
        }
        assertThat(seen).extracting(m -> m.get("n")).containsExactly(new BigDecimal("0"), new BigDecimal("1"));
        assertThat(report.applied()).isEqualTo(2);
        assertThat(report.discardedBytes()).isPositive();
        assertThat(warnings.texts()).singleElement().asString()
                .contains("discarding").contains("the 2 records before it are intact");
        // the append after the cut continues a clean log
        assertThat(replay(dir)).extracting(m -> m.get("n"))
                .containsExactly(new BigDecimal("0"), new BigDecimal("1"), new BigDecimal("99"));
    }

    @Test
    void aCorruptedLastRecordFailsItsChecksumAndIsDiscarded() throws IOException {
        write(dir, 2);
        Path file = dir.resolve(FileJournal.FILE_NAME);
        // input: one byte of the last record's payload flipped
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            long at = raf.length() - 3;
            raf.seek(at);
            int b = raf.read();
            raf.seek(at);
            raf.write(b ^ 0x20);
        }
        assertThat(replay(dir)).extracting(m -> m.get("n")).containsExactly(new BigDecimal("0"));
        assertThat(warnings.texts()).singleElement().asString().contains("checksum");
    }

    @Test
    void garbageAfterTheLastRecordIsDiscarded() throws IOException {
        write(dir, 2);
        // input: random bytes appended, as a torn frame header would leave them
        Files.write(dir.resolve(FileJournal.FILE_NAME), new byte[] {0x7f, 0x00, 0x01}, StandardOpenOption.APPEND);
        assertThat(replay(dir)).hasSize(2);
        assertThat(replay(dir)).hasSize(2);
    }

    @Test
    void aSecondOpenOfTheSameDirectoryIsRefused() {
        try (FileJournal first = FileJournal.open(dir, false)) {
            assertThat(first.file()).exists();
            assertThatThrownBy(() -> FileJournal.open(dir, false)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use");
        }
    }

    @Test
    void recordsOfKindsWithoutAHandlerAreSkipped() {
        try (FileJournal j = FileJournal.open(dir, true)) {
            j.register("event", r -> { });
            j.register("other", r -> { });
            j.replay();
            j.append("other", Map.of("x", 1));
            j.append("event", Map.of("n", 1));
        }
        List<Map<String, Object>> seen = new ArrayList<>();
        try (FileJournal j = FileJournal.open(dir, true)) {
            j.register("event", seen::add);
            ReplayReport report = j.replay();
            assertThat(report.skipped()).isEqualTo(1);
            assertThat(report.applied()).isEqualTo(1);
        }
        assertThat(seen).hasSize(1);
        assertThat(warnings.texts()).singleElement().asString().contains("unknown kind other");
    }

    @Test
    void misuseFailsFast() {
        try (FileJournal j = FileJournal.open(dir, true)) {
            j.register("event", r -> { });
            // input: append before replay -> refused, the log's order would be wrong
            assertThatThrownBy(() -> j.append("event", Map.of())).isInstanceOf(IllegalStateException.class);
            j.replay();
            // input: an unregistered kind -> refused, it could never be replayed
            assertThatThrownBy(() -> j.append("nobody", Map.of())).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> j.register("event", r -> { })).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(j::replay).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void clearForgetsEverything() {
        try (FileJournal j = FileJournal.open(dir, true)) {
            j.register("event", r -> { });
            j.replay();
            j.append("event", Map.of("n", 1));
            j.clear();
            j.append("event", Map.of("n", 2));
        }
        assertThat(replay(dir)).extracting(m -> m.get("n")).containsExactly(new BigDecimal("2"));
    }

    @Test
    void aFileThatIsNotAJournalIsRefused() throws IOException {
        Files.writeString(dir.resolve(FileJournal.FILE_NAME), "hello, not a journal");
        try (FileJournal j = FileJournal.open(dir, true)) {
            assertThatThrownBy(j::replay).isInstanceOf(IllegalStateException.class).hasMessageContaining("bad magic");
        }
    }
}
