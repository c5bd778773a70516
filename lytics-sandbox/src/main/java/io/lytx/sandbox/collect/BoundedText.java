package io.lytx.sandbox.collect;

/**
 * The text of one record being read, kept only while its UTF-8 size is within a limit: past the
 * limit the bytes are counted, not kept, so a huge record costs no memory. Not thread-safe.
 */
final class BoundedText {

    private final int maxBytes;
    private final StringBuilder buf = new StringBuilder();
    private long bytes;
    private boolean oversized;

    /** @param maxBytes the largest UTF-8 size kept */
    BoundedText(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Starts a new record. */
    void reset() {
        buf.setLength(0);
        bytes = 0;
        oversized = false;
    }

    /** @param c the next character of the record */
    void add(char c) {
        // UTF-8: 1 byte below U+0080, 2 below U+0800, 4 for a surrogate pair (2 + 2), else 3
        bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        if (oversized) {
            return;
        }
        if (bytes <= maxBytes) {
            buf.append(c);
        } else {
            oversized = true;
            buf.setLength(0);
        }
    }

    /** @return the UTF-8 size of the record so far, in bytes */
    long bytes() {
        return bytes;
    }

    /** @return whether the record is larger than the limit */
    boolean oversized() {
        return oversized;
    }

    /** @return the record's text, empty when oversized */
    String text() {
        return oversized() ? "" : buf.toString();
    }
}
