package io.lytx.sandbox.collect;

/**
 * The text of one record being read, kept only while it is within a length limit: past the limit
 * the characters are counted, not kept, so a huge record costs no memory. Not thread-safe.
 */
final class BoundedText {

    private final int maxChars;
    private final StringBuilder buf = new StringBuilder();
    private long count;

    /** @param maxChars the longest text kept */
    BoundedText(int maxChars) {
        this.maxChars = maxChars;
    }

    /** Starts a new record. */
    void reset() {
        buf.setLength(0);
        count = 0;
    }

    /** @param c the next character of the record */
    void add(char c) {
        count++;
        if (count <= maxChars) {
            buf.append(c);
        } else if (count == maxChars + 1L) {
            buf.setLength(0);
        }
    }

    /** @return how many characters the record has so far */
    long length() {
        return count;
    }

    /** @return whether the record is longer than the limit */
    boolean oversized() {
        return count > maxChars;
    }

    /** @return the record's text, empty when oversized */
    String text() {
        return oversized() ? "" : buf.toString();
    }
}
