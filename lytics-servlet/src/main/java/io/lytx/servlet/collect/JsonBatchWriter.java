package io.lytx.servlet.collect;

import java.util.Arrays;

/**
 * Writes a batch of events as a UTF-8 JSON array of flat objects, straight into one reusable byte
 * buffer: {@code [{"_eid":"...","k":"v",...},...]}. Used only by the collector's worker, so it is
 * not thread-safe.
 *
 * <p>Strings are escaped per RFC 8259: quote, backslash and control characters are escaped, every
 * other character is written as UTF-8; a lone surrogate (not valid Unicode) becomes U+FFFD.
 */
final class JsonBatchWriter {

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

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

    /** @return bytes the finished array would have now (including the closing bracket) */
    int finishedLength() {
        return length + 1;
    }

    /**
     * Appends one event, unless the array would then exceed {@code maxBytes} while already holding
     * an event (a single event is always accepted, whatever its size).
     *
     * @return true if the event was appended, false if it did not fit (nothing written)
     */
    boolean tryAppend(CollectEvent event, long maxBytes) {
        int mark = length;
        if (count > 0) {
            put((byte) ',');
        }
        writeEvent(event);
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
        writeString(CollectEvent.ID_FIELD);
        put((byte) ':');
        writeString(event.id());
        for (int i = 0, n = event.size(); i < n; i++) {
            put((byte) ',');
            writeString(event.key(i));
            put((byte) ':');
            writeString(event.value(i));
        }
        put((byte) '}');
    }

    private void writeString(String s) {
        put((byte) '"');
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                put((byte) '\\');
                put((byte) c);
            } else if (c < 0x20) {
                writeControl(c);
            } else if (c < 0x80) {
                put((byte) c);
            } else if (c < 0x800) {
                put((byte) (0xC0 | (c >> 6)));
                put((byte) (0x80 | (c & 0x3F)));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                put((byte) (0xF0 | (cp >> 18)));
                put((byte) (0x80 | ((cp >> 12) & 0x3F)));
                put((byte) (0x80 | ((cp >> 6) & 0x3F)));
                put((byte) (0x80 | (cp & 0x3F)));
            } else {
                int cp = Character.isSurrogate(c) ? 0xFFFD : c;
                put((byte) (0xE0 | (cp >> 12)));
                put((byte) (0x80 | ((cp >> 6) & 0x3F)));
                put((byte) (0x80 | (cp & 0x3F)));
            }
        }
        put((byte) '"');
    }

    private void writeControl(char c) {
        put((byte) '\\');
        switch (c) {
            case '\n' -> put((byte) 'n');
            case '\r' -> put((byte) 'r');
            case '\t' -> put((byte) 't');
            case '\b' -> put((byte) 'b');
            case '\f' -> put((byte) 'f');
            default -> {
                put((byte) 'u');
                put((byte) '0');
                put((byte) '0');
                put(HEX[c >> 4]);
                put(HEX[c & 0xF]);
            }
        }
    }

    private void put(byte b) {
        if (length == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        buffer[length++] = b;
    }
}
