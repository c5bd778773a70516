package io.lytx.servlet.internal.collect;

import java.util.Arrays;

/**
 * Writes a batch of events as a UTF-8 JSON array of flat objects, straight into one reusable byte
 * buffer: {@code [{"_eid":"...","k":"v",...},...]}. Used only by the collector's worker, so it is
 * not thread-safe. It is the {@link EventFields.Writer} that events write their fields to.
 *
 * <p>Strings are escaped per RFC 8259: quote, backslash and control characters are escaped, every
 * other character is written as UTF-8; a lone surrogate (not valid Unicode) becomes U+FFFD.
 */
final class JsonBatchWriter implements EventFields.Writer {

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** Most bytes one UTF-16 char can take once escaped ({@code \u001f}). */
    private static final int MAX_BYTES_PER_CHAR = 6;

    private byte[] buffer = new byte[8192];
    private int length;
    private int count;

    /** Starts a new, empty array, dropping whatever was written before. */
    void reset() {
        length = 0;
        count = 0;
        put((byte) '[');
    }

    /** @return the number of events in the array */
    int count() {
        return count;
    }

    /**
     * Appends one event, unless the array would then exceed {@code maxBytes} while already holding
     * an event (a single event is always accepted, whatever its size).
     *
     * @return true if the event was appended, false if it did not fit (nothing written)
     * @throws RuntimeException what the event's {@link EventFields} threw (nothing written)
     */
    boolean tryAppend(CollectEvent event, long maxBytes) {
        int mark = length;
        if (count > 0) {
            put((byte) ',');
        }
        try {
            writeEvent(event);
        } catch (RuntimeException e) {
            length = mark;
            throw e;
        }
        if (count > 0 && (long) length + 1 > maxBytes) {
            length = mark;
            return false;
        }
        count++;
        return true;
    }

    /** @return the finished array as a new byte array */
    byte[] finish() {
        put((byte) ']');
        byte[] out = Arrays.copyOf(buffer, length);
        length--;
        return out;
    }

    private void writeEvent(CollectEvent event) {
        put((byte) '{');
        // the id comes first, so that every field after it starts with a comma
        field(CollectEvent.ID_FIELD, event.id());
        event.writeFieldsTo(this);
        put((byte) '}');
    }

    // ---------------------------------------------------------------- EventFields.Writer

    @Override
    public void field(String name, String value) {
        if (value == null) {
            return;
        }
        key(name);
        writeString(value);
    }

    // ---------------------------------------------------------------- escaping

    /** {@code ,"name":} (an event's first field is its id, written after the opening brace alone). */
    private void key(String name) {
        if (buffer[length - 1] != '{') {
            put((byte) ',');
        }
        writeString(name);
        put((byte) ':');
    }

    /** {@code s} as a JSON string: quoted, escaped, UTF-8. */
    private void writeString(String s) {
        int to = s.length();
        ensure((long) to * MAX_BYTES_PER_CHAR + 2);
        byte[] b = buffer;
        int at = length;
        b[at++] = '"';
        int i = 0;
        while (i < to) {
            // the common case first: a run of printable ASCII, copied in bulk
            int run = i;
            while (run < to && isPlain(s.charAt(run))) {
                run++;
            }
            if (run > i) {
                copyAscii(s, i, run, b, at);
                at += run - i;
                i = run;
                if (i == to) {
                    break;
                }
            }
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c == '"' || c == '\\') {
                    b[at++] = '\\';
                    b[at++] = (byte) c;
                } else {
                    at = putControl(b, at, c);
                }
            } else if (c < 0x800) {
                b[at++] = (byte) (0xC0 | (c >> 6));
                b[at++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                at = putFourBytes(b, at, Character.toCodePoint(c, s.charAt(i + 1)));
                i++;
            } else {
                at = putThreeBytes(b, at, Character.isSurrogate(c) ? 0xFFFD : c);
            }
            i++;
        }
        b[at++] = '"';
        length = at;
    }

    /** Printable ASCII that JSON takes as it is: written as one byte. */
    private static boolean isPlain(char c) {
        return c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
    }

    /**
     * Copies {@code s[from, to)}, all printable ASCII, as bytes. {@code String.getBytes(int, int, byte[], int)}
     * is deprecated because it drops the high byte of each char, which is exactly right for ASCII,
     * and it copies in bulk with no intermediate array.
     */
    @SuppressWarnings("deprecation")
    private static void copyAscii(String s, int from, int to, byte[] b, int at) {
        s.getBytes(from, to, b, at);
    }

    private static int putControl(byte[] b, int at, char c) {
        b[at++] = '\\';
        switch (c) {
            case '\n' -> b[at++] = 'n';
            case '\r' -> b[at++] = 'r';
            case '\t' -> b[at++] = 't';
            case '\b' -> b[at++] = 'b';
            case '\f' -> b[at++] = 'f';
            default -> {
                b[at++] = 'u';
                b[at++] = '0';
                b[at++] = '0';
                b[at++] = HEX[c >> 4];
                b[at++] = HEX[c & 0xF];
            }
        }
        return at;
    }

    private static int putThreeBytes(byte[] b, int at, int cp) {
        b[at++] = (byte) (0xE0 | (cp >> 12));
        b[at++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        b[at++] = (byte) (0x80 | (cp & 0x3F));
        return at;
    }

    private static int putFourBytes(byte[] b, int at, int cp) {
        b[at++] = (byte) (0xF0 | (cp >> 18));
        b[at++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        b[at++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        b[at++] = (byte) (0x80 | (cp & 0x3F));
        return at;
    }

    private void ensure(long extra) {
        long needed = length + extra;
        if (needed > buffer.length) {
            if (needed > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("batch too large to serialize");
            }
            buffer = Arrays.copyOf(buffer, (int) Math.max(needed, Math.min(Integer.MAX_VALUE - 8L, buffer.length * 2L)));
        }
    }

    private void put(byte b) {
        if (length == buffer.length) {
            ensure(1);
        }
        buffer[length++] = b;
    }
}
