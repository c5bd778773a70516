package io.lytx.sandbox.store;

import io.lytx.sandbox.http.ApiError;
import io.lytx.sandbox.http.JsonInput;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * An append-only journal in one file, {@code journal.log}, under a data directory.
 *
 * <p>File layout: the 8-byte magic {@code LYTXJRN1}, then frames of
 * {@code [int32 length][int32 CRC-32C of the payload][payload]}, big-endian, where the payload is
 * the UTF-8 JSON {@code {"kind":..,"record":..}}. Every {@link #append} writes one whole frame with
 * one positional write and, when syncing, forces it to the disk before returning, so a crash
 * ({@code kill -9}, power loss when syncing) leaves at most one torn frame at the end.
 *
 * <p>{@link #replay} reads frames until the first one that is short, over-long, fails its
 * checksum or does not parse; that frame and everything after it are cut off the file (a warning
 * is logged) and appends continue from there, so earlier records are never touched. The
 * directory is locked against a second sandbox (in this or another process) while open.
 *
 * <p>Thread-safe: appends are serialized on this object. Blocking: {@code append} waits for the
 * write (and the sync) to finish.
 */
public final class FileJournal implements RecoverableJournal {

    /** The journal's file name inside the data directory. */
    public static final String FILE_NAME = "journal.log";

    /** The largest payload accepted in one record (64 MiB). */
    public static final int MAX_RECORD_BYTES = 64 * 1024 * 1024;

    private static final byte[] MAGIC = "LYTXJRN1".getBytes(StandardCharsets.US_ASCII);
    private static final int FRAME_HEADER = 8;
    private static final System.Logger LOG = System.getLogger(FileJournal.class.getName());

    private final Path file;
    private final boolean sync;
    private final FileChannel channel;
    private final FileLock lock;
    private final HandlerRegistry handlers = new HandlerRegistry();
    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig().withNullValues(true));
    private long end = -1;
    private boolean closed;

    private FileJournal(Path file, boolean sync, FileChannel channel, FileLock lock) {
        this.file = file;
        this.sync = sync;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Opens (creating when needed) the journal of a data directory and locks it.
     *
     * @param dataDir the directory; created when absent
     * @param sync    whether each append is forced to the disk ({@code fsync}) before returning;
     *                without it an append still survives a JVM crash, not a power loss
     * @return the journal, ready for {@link #register} and then {@link #replay}
     * @throws UncheckedIOException  when the directory or file cannot be created or opened
     * @throws IllegalStateException when another sandbox holds the directory
     */
    public static FileJournal open(Path dataDir, boolean sync) {
        Objects.requireNonNull(dataDir, "dataDir");
        Path file = dataDir.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            Files.createDirectories(dataDir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("data directory " + dataDir + " is in use by another sandbox");
            }
            return new FileJournal(file, sync, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot open the journal " + file, e);
        }
    }

    /**
     * The journal's file.
     *
     * @return the path of {@code journal.log}
     */
    public Path file() {
        return file;
    }

    @Override
    public void register(String kind, Consumer<Map<String, Object>> replayHandler) {
        handlers.register(kind, replayHandler);
    }

    @Override
    public synchronized ReplayReport replay() {
        if (end >= 0) {
            throw new IllegalStateException("the journal was already replayed");
        }
        ensureOpen();
        try {
            long size = channel.size();
            if (size < MAGIC.length) {
                // new file, or torn while writing the magic
                writeFreshHeader();
                return new ReplayReport(0, 0, size);
            }
            byte[] magic = readFully(0, MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IllegalStateException(file + " is not a sandbox journal (bad magic)");
            }
            return replayFrames(size);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replay the journal " + file, e);
        }
    }

    private ReplayReport replayFrames(long size) throws IOException {
        long pos = MAGIC.length;
        long applied = 0;
        long skipped = 0;
        String damage = null;
        while (pos < size) {
            if (size - pos < FRAME_HEADER) {
                damage = "a frame header cut short";
                break;
            }
            ByteBuffer header = ByteBuffer.wrap(readFully(pos, FRAME_HEADER));
            int length = header.getInt();
            int crc = header.getInt();
            if (length < 0 || length > MAX_RECORD_BYTES || size - pos - FRAME_HEADER < length) {
                damage = "a record cut short or with an impossible length " + length;
                break;
            }
            byte[] payload = readFully(pos + FRAME_HEADER, length);
            if (checksum(payload) != crc) {
                damage = "a record failing its checksum";
                break;
            }
            Map<String, Object> entry;
            try {
                entry = JsonInput.parseObject(new java.io.ByteArrayInputStream(payload));
            } catch (ApiError e) {
                damage = "a record that is not JSON";
                break;
            }
            if (apply(entry, pos)) {
                applied++;
            } else {
                skipped++;
            }
            pos += FRAME_HEADER + length;
        }
        long discarded = size - pos;
        if (discarded > 0) {
            LOG.log(System.Logger.Level.WARNING,
                    "journal {0}: discarding {1} bytes from offset {2} ({3}); the {4} records before it are intact",
                    file, discarded, pos, damage, applied + skipped);
            channel.truncate(pos);
            channel.force(true);
        }
        end = pos;
        return new ReplayReport(applied, skipped, discarded);
    }

    @SuppressWarnings("unchecked")
    private boolean apply(Map<String, Object> entry, long pos) {
        Object kind = entry.get("kind");
        Object record = entry.get("record");
        Consumer<Map<String, Object>> handler = kind instanceof String k ? handlers.get(k) : null;
        if (handler == null || !(record instanceof Map)) {
            LOG.log(System.Logger.Level.WARNING, "journal {0}: skipping a record of unknown kind {1} at offset {2}",
                    file, kind, pos);
            return false;
        }
        try {
            handler.accept((Map<String, Object>) record);
            return true;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "journal " + file + ": the handler of kind " + kind
                    + " failed on the record at offset " + pos + "; skipped", e);
            return false;
        }
    }

    @Override
    public void append(String kind, Map<String, Object> record) {
        Objects.requireNonNull(record, "record");
        handlers.require(kind);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("kind", kind);
        entry.put("record", record);
        byte[] payload = jsonb.toJson(entry).getBytes(StandardCharsets.UTF_8);
        if (payload.length > MAX_RECORD_BYTES) {
            throw new IllegalArgumentException("record of " + payload.length + " bytes exceeds "
                    + MAX_RECORD_BYTES);
        }
        ByteBuffer frame = ByteBuffer.allocate(FRAME_HEADER + payload.length);
        frame.putInt(payload.length).putInt(checksum(payload)).put(payload).flip();
        synchronized (this) {
            ensureOpen();
            if (end < 0) {
                throw new IllegalStateException("append before replay: replay the journal first");
            }
            try {
                writeFully(frame, end);
                if (sync) {
                    channel.force(false);
                }
                end += frame.limit();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to the journal " + file, e);
            }
        }
    }

    @Override
    public synchronized void clear() {
        ensureOpen();
        try {
            writeFreshHeader();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the journal " + file, e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            lock.release();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "releasing the journal lock failed", e);
        }
        closeQuietly(channel);
        try {
            jsonb.close();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.DEBUG, "closing JSON-B failed", e);
        }
    }

    private void writeFreshHeader() throws IOException {
        channel.truncate(0);
        writeFully(ByteBuffer.wrap(MAGIC), 0);
        channel.force(true);
        end = MAGIC.length;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the journal " + file + " is closed");
        }
    }

    private byte[] readFully(long pos, int length) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(length);
        long at = pos;
        while (buf.hasRemaining()) {
            int n = channel.read(buf, at);
            if (n < 0) {
                throw new IOException("unexpected end of " + file + " at " + at);
            }
            at += n;
        }
        return buf.array();
    }

    private void writeFully(ByteBuffer buf, long pos) throws IOException {
        long at = pos;
        while (buf.hasRemaining()) {
            at += channel.write(buf, at);
        }
    }

    private static int checksum(byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload, 0, payload.length);
        return (int) crc.getValue();
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the journal failed", e);
        }
    }
}
