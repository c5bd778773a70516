package io.lytx.servlet.internal.collect;

import io.lytx.client.internal.Jsonp;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A directory of events that a collector could not send before it stopped, for the next collector
 * that uses the directory to send. One file per shutdown, one event per line in its wire form
 * (its fields and {@value CollectEvent#ID_FIELD}, so the event keeps its id and its
 * {@value CollectEvent#TIME_FIELD}).
 *
 * <p><b>Several nodes, one directory.</b> Each instance writes under its own random name: first to a
 * hidden temporary file, flushed to disk, then renamed atomically to
 * {@code lytics-spool-<instance>-<millis>.jsonl}, so that a reader never sees half a file. A reader
 * claims a file by renaming it atomically to {@code <name>.claimed-<instance>} before reading it:
 * of two nodes starting together only one wins the rename, so each event is sent by one node. The
 * claimed file is deleted once its events are queued. (A node that dies while reading leaves its
 * claimed file; rename it back to resend it.)
 *
 * <p><b>Bounds and hostile files.</b> At most {@code maxBytes} are written per shutdown (the events
 * beyond are lost and logged) and read per start, over all files (the others wait for the next
 * start). Only regular files with the spool's own name pattern are read, never through a symbolic
 * link. A line that is not one flat JSON object with a valid id (corrupt, truncated, too long, not
 * UTF-8, not written by this library) is skipped and counted in one warning per file; nothing throws.
 * Files are created readable by their owner only (they hold visitor ids).
 *
 * <p>Not thread-safe: used by one collector at start and at shutdown.
 */
final class EventSpool {

    private static final Logger LOG = System.getLogger(EventSpool.class.getName());
    private static final String PREFIX = "lytics-spool-";
    private static final String SUFFIX = ".jsonl";
    private static final Pattern SPOOL_FILE = Pattern.compile("lytics-spool-[0-9a-f-]{36}-[0-9]{1,19}\\.jsonl");
    /** Longest line read: one event of the collect relay (16 KB of fields) plus its id, with room for escapes. */
    static final int MAX_LINE = 64 * 1024;
    private static final int MAX_FIELDS = 256;
    private static final int MAX_KEY = 128;
    private static final Pattern ID = Pattern.compile("[\\x21-\\x7e]{1,128}");

    private final Path dir;
    private final long maxBytes;
    private final String instance = UUID.randomUUID().toString();

    /**
     * @param dir      absolute directory (created when first written)
     * @param maxBytes most bytes written per shutdown and read per start
     */
    EventSpool(Path dir, long maxBytes) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.maxBytes = maxBytes;
    }

    /** @return the directory */
    Path dir() {
        return dir;
    }

    /**
     * Writes the events to a new spool file, oldest first, up to the byte bound. Never throws: a
     * failure is logged, and the events are then reported as not written.
     *
     * @param events the events not sent
     * @return how many were written (the first ones)
     */
    int write(List<CollectEvent> events) {
        if (events.isEmpty()) {
            return 0;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int written = 0;
        for (CollectEvent event : events) {
            byte[] line = (toJson(event) + "\n").getBytes(StandardCharsets.UTF_8);
            if (out.size() + (long) line.length > maxBytes) {
                break;
            }
            out.writeBytes(line);
            written++;
        }
        if (written == 0) {
            return 0;
        }
        String name = PREFIX + instance + "-" + System.currentTimeMillis() + SUFFIX;
        Path temp = dir.resolve("." + name + ".tmp");
        try {
            Files.createDirectories(dir);
            createOwnerOnly(temp);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(out.toByteArray());
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            return written;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            LOG.log(Level.WARNING, "Could not write " + written + " unsent events to the spool directory " + dir
                    + ": " + e + "; they are lost");
            deleteQuietly(temp);
            return 0;
        }
    }

    /**
     * Claims the spool files of the directory (those of every instance) and reads their events, up to
     * the byte bound over all files. Never throws: problems are logged.
     *
     * @return the events read, in file and line order, with their original ids and fields
     */
    List<CollectEvent> claimAll() {
        List<CollectEvent> events = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return events;
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(dir)) {
            for (Path p : listing) {
                if (SPOOL_FILE.matcher(p.getFileName().toString()).matches()
                        && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    files.add(p);
                }
            }
        } catch (IOException | SecurityException e) {
            LOG.log(Level.WARNING, "Could not list the spool directory " + dir + ": " + e);
            return events;
        }
        files.sort(null); // by instance, then time: a stable order
        long budget = maxBytes;
        for (Path file : files) {
            if (budget <= 0) {
                LOG.log(Level.INFO, "Spool files left in " + dir + " for the next start (read bound "
                        + maxBytes + " bytes reached)");
                break;
            }
            Path claimed = claim(file);
            if (claimed != null) {
                budget -= read(claimed, file.getFileName().toString(), budget, events);
                deleteQuietly(claimed);
            }
        }
        return events;
    }

    /** @return the claimed path, or null when another node claimed it first (or it cannot be renamed) */
    private Path claim(Path file) {
        Path claimed = file.resolveSibling(file.getFileName() + ".claimed-" + instance);
        try {
            return Files.move(file, claimed, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException | FileAlreadyExistsException taken) {
            return null;
        } catch (AtomicMoveNotSupportedException e) {
            LOG.log(Level.WARNING, "The spool directory " + dir + " cannot rename atomically; " + file.getFileName()
                    + " is not read");
            return null;
        } catch (IOException | SecurityException e) {
            LOG.log(Level.WARNING, "Could not claim the spool file " + file + ": " + e);
            return null;
        }
    }

    /** Reads at most {@code budget} bytes of lines; returns the bytes read. */
    private long read(Path file, String name, long budget, List<CollectEvent> into) {
        int good = 0;
        int bad = 0;
        long consumed = 0;
        boolean truncated = false;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, budget));
            truncated = in.read() >= 0;
            consumed = data.length;
            int start = 0;
            for (int i = 0; i <= data.length; i++) {
                if (i == data.length || data[i] == '\n') {
                    int length = i - start;
                    if (length > 0) {
                        CollectEvent event = length > MAX_LINE ? null : parse(data, start, length);
                        if (event == null) {
                            bad++;
                        } else {
                            into.add(event);
                            good++;
                        }
                    }
                    start = i + 1;
                }
            }
        } catch (IOException | SecurityException e) {
            LOG.log(Level.WARNING, "Could not read the spool file " + name + " in " + dir + ": " + e);
        }
        int read = good;
        int skipped = bad;
        LOG.log(Level.INFO, () -> "Read " + read + " unsent events of a previous run from the spool file " + name);
        if (skipped > 0 || truncated) {
            LOG.log(Level.WARNING, "Spool file " + name + " in " + dir + ": skipped " + skipped
                    + " lines that are not events written by this library (corrupt, truncated or foreign)"
                    + (truncated ? "; ignored what follows its first " + consumed + " bytes (spool read bound)" : ""));
        }
        return consumed;
    }

    /** One line as an event, or null when it is not one. */
    private static CollectEvent parse(byte[] data, int start, int length) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data, start, length)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        try (JsonReader reader = Jsonp.PROVIDER.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (!(value instanceof JsonObject object) || object.size() > MAX_FIELDS
                    || !(object.get(CollectEvent.ID_FIELD) instanceof JsonString id) || !ID.matcher(id.getString()).matches()) {
                return null;
            }
            CollectEvent.Builder b = CollectEvent.builder().id(id.getString());
            for (Map.Entry<String, JsonValue> field : object.entrySet()) {
                String key = field.getKey();
                if (key.equals(CollectEvent.ID_FIELD)) {
                    continue;
                }
                if (key.isBlank() || key.length() > MAX_KEY || !(field.getValue() instanceof JsonString v)) {
                    return null;
                }
                b.put(key, v.getString());
            }
            return b.build();
        } catch (JsonException | IllegalStateException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The event in its wire form: its id, then its fields, every value a string. */
    static String toJson(CollectEvent event) {
        JsonObjectBuilder b = Jsonp.PROVIDER.createObjectBuilder().add(CollectEvent.ID_FIELD, event.id());
        event.fields().forEach(b::add);
        return b.build().toString();
    }

    /** Creates the file readable and writable by its owner only (where the file system has POSIX permissions). */
    private static void createOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException | SecurityException e) {
            LOG.log(Level.WARNING, "Could not delete " + file + ": " + e);
        }
    }

    @Override
    public String toString() {
        return "EventSpool[" + dir + ", instance " + instance + "]";
    }
}
