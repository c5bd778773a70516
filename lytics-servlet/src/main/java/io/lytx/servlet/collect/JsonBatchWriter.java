package io.lytx.servlet.collect;

import java.util.Arrays;

/**
 * Writes a batch of events as a UTF-8 JSON array of flat objects, straight into one reusable byte
 * buffer: {@code [{"_eid":"...","k":"v",...},...]}. Used only by the collector's worker, so it is
 * not thread-safe. It is the {@link EventFields.Writer} that events write their fields to: values
 * go from the event's text to escaped UTF-8 bytes with no intermediate string.
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
    /** A high surrogate waiting for the next appended char to know whether it starts a pair (0: none). */
    private char pendingHigh;

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

    /** @return bytes the finished array would have now (including the closing bracket) */
    int finishedLength() {
        return length + 1;
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
            pendingHigh = 0;
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
        event.writeIdTo(this);
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

    @Override
    public void field(String name, long value) {
        key(name);
        put((byte) '"');
        writeDecimal(value);
        put((byte) '"');
    }

    @Override
    public void uuidField(String name, long msb, long lsb) {
        key(name);
        ensure(38);
        byte[] b = buffer;
        int at = length;
        b[at++] = '"';
        at = hex(b, at, msb >>> 32, 8);
        b[at++] = '-';
        at = hex(b, at, msb >>> 16, 4);
        b[at++] = '-';
        at = hex(b, at, msb, 4);
        b[at++] = '-';
        at = hex(b, at, lsb >>> 48, 4);
        b[at++] = '-';
        at = hex(b, at, lsb, 12);
        b[at++] = '"';
        length = at;
    }

    @Override
    public void begin(String name) {
        key(name);
        put((byte) '"');
        pendingHigh = 0;
    }

    @Override
    public void append(String text, int from, int to) {
        appendEscaped(text, from, to);
    }

    @Override
    public void append(char c) {
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\' && pendingHigh == 0) {
            put((byte) c);
        } else {
            appendEscaped(String.valueOf(c), 0, 1);
        }
    }

    @Override
    public void append(long value) {
        flushPendingHigh();
        writeDecimal(value);
    }

    @Override
    public void end() {
        flushPendingHigh();
        put((byte) '"');
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

    private void writeString(String s) {
        put((byte) '"');
        pendingHigh = 0;
        appendEscaped(s, 0, s.length());
        flushPendingHigh();
        put((byte) '"');
    }

    /** A high surrogate left at the end of a value had no pair: it becomes U+FFFD. */
    private void flushPendingHigh() {
        if (pendingHigh != 0) {
            pendingHigh = 0;
            ensure(3);
            length = putThreeBytes(buffer, length, 0xFFFD);
        }
    }

    private void appendEscaped(String s, int from, int to) {
        if (from >= to) {
            return;
        }
        ensure((long) (to - from) * MAX_BYTES_PER_CHAR + 4);
        byte[] b = buffer;
        int at = length;
        int i = from;
        if (pendingHigh != 0) {
            char c = s.charAt(i);
            if (Character.isLowSurrogate(c)) {
                at = putFourBytes(b, at, Character.toCodePoint(pendingHigh, c));
                i++;
            } else {
                at = putThreeBytes(b, at, 0xFFFD);
            }
            pendingHigh = 0;
        }
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
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < to) {
                    char next = s.charAt(i + 1);
                    if (Character.isLowSurrogate(next)) {
                        at = putFourBytes(b, at, Character.toCodePoint(c, next));
                        i++;
                    } else {
                        at = putThreeBytes(b, at, 0xFFFD);
                    }
                } else {
                    pendingHigh = c; // its pair may come with the next append
                }
            } else {
                at = putThreeBytes(b, at, Character.isSurrogate(c) ? 0xFFFD : c);
            }
            i++;
        }
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

    /** The low {@code digits} hex digits of {@code value}, most significant first. */
    private static int hex(byte[] b, int at, long value, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            b[at++] = HEX[(int) (value >>> shift) & 0xF];
        }
        return at;
    }

    private void writeDecimal(long value) {
        ensure(20);
        byte[] b = buffer;
        int at = length;
        if (value < 0) {
            if (value == Long.MIN_VALUE) {
                for (byte d : "-9223372036854775808".getBytes(java.nio.charset.StandardCharsets.US_ASCII)) {
                    b[at++] = d;
                }
                length = at;
                return;
            }
            b[at++] = '-';
            value = -value;
        }
        int digits = 1;
        for (long v = value; v >= 10; v /= 10) {
            digits++;
        }
        int end = at + digits;
        for (int p = end - 1; p >= at; p--) {
            b[p] = (byte) ('0' + (value % 10));
            value /= 10;
        }
        length = end;
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
