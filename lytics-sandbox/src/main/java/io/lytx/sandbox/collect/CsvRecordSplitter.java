package io.lytx.sandbox.collect;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

/**
 * Cuts a CSV stream into its records, one at a time, so that an upload of any size is read with
 * memory for one record only. A record ends at a line break outside a quoted field (RFC 4180: a
 * field that starts with {@code "} is quoted until a lone {@code "}; {@code ""} inside it is a
 * quote). Line breaks are LF, CRLF or CR.
 *
 * <p>A record larger than {@code maxBytes} bytes (UTF-8) is not kept: {@link #next()} returns it as
 * {@linkplain Record#oversized() oversized} (its text empty) and reading resumes after the next
 * line break, outside quotes. Not thread-safe; blocking on the reader.
 */
final class CsvRecordSplitter {

    /**
     * One record.
     *
     * @param line      the 1-based line on which it starts
     * @param text      its text without the final line break (may hold line breaks inside quotes)
     * @param oversized true when it was longer than the limit (then {@code text} is empty)
     */
    record Record(long line, String text, boolean oversized) {
    }

    private final Reader in;
    private final char delimiter;
    private final BoundedText record;
    private long line = 1;
    private int pushedBack = -2;
    private boolean eof;

    /**
     * @param in        the CSV text; read to its end, not closed
     * @param delimiter the field separator
     * @param maxBytes  the largest record kept, in UTF-8 bytes
     */
    CsvRecordSplitter(Reader in, char delimiter, int maxBytes) {
        this.in = in;
        this.delimiter = delimiter;
        this.record = new BoundedText(maxBytes);
    }

    /**
     * The next record, blank lines skipped.
     *
     * @return the record, or null at the end of the input
     * @throws UncheckedIOException when reading fails
     */
    Record next() {
        while (!eof) {
            Record r = readOne();
            if (r != null && (r.oversized() || !r.text().isEmpty())) {
                return r;
            }
        }
        return null;
    }

    private Record readOne() {
        record.reset();
        long start = line;
        boolean fieldStart = true;
        boolean quoted = false;
        boolean quoteSeen = false;
        while (true) {
            int c = read();
            if (c < 0) {
                eof = true;
                return record.bytes() == 0 ? null : new Record(start, record.text(), record.oversized());
            }
            if (quoted && quoteSeen) {
                quoteSeen = false;
                if (c == '"') {
                    record.add('"');
                    continue;
                }
                quoted = false; // the quote closed the field; c is read below as outside quotes
            }
            if (c == '\r' || c == '\n') {
                if (c == '\r') {
                    int n = read();
                    if (n != '\n' && n >= 0) {
                        pushedBack = n;
                    }
                }
                line++;
                if (!quoted || record.oversized()) {
                    return new Record(start, record.text(), record.oversized());
                }
                record.add('\n');
                continue;
            }
            if (quoted) {
                quoteSeen = c == '"';
            } else if (c == '"' && fieldStart) {
                quoted = true;
            }
            fieldStart = !quoted && c == delimiter;
            record.add((char) c);
        }
    }

    private int read() {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        try {
            return in.read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
