package io.lytx.sandbox.collect;

import io.lytx.sandbox.http.ApiError;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

/**
 * Cuts a bulk JSON upload into the text of its records, one at a time, so that an upload of any
 * size is read with memory for one record only. Two shapes, as Lytics' bulk JSON upload takes
 * them: one array of values ({@code [{...},{...}]}), or a stream of objects separated by
 * whitespace (newline-delimited JSON; an object may span lines). Strings and escapes are
 * honoured, so braces inside strings do not count; whether a record is well-formed JSON is left
 * to the parser of its text.
 *
 * <p>A record larger than {@code maxBytes} bytes (UTF-8) is read to its end but not kept ({@link Record#oversized()}).
 * Errors in the shape between records (a missing comma, text after the array) raise
 * {@link ApiError} 400 with the line and column. Reads its text in chunks of 8 K characters, so
 * the reader needs no buffer of its own. Not thread-safe; blocking on the reader.
 */
final class JsonRecordSplitter {

    /**
     * One record.
     *
     * @param line      the 1-based line on which it starts
     * @param column    the 1-based column at which it starts
     * @param text      its JSON text (empty when oversized)
     * @param bytes     the UTF-8 size of its text
     * @param oversized true when it was larger than the limit
     */
    record Record(long line, long column, String text, long bytes, boolean oversized) {
    }

    private static final int CHUNK = 8 * 1024;

    private final Reader in;
    /** Text read ahead from {@link #in}: one call per chunk, not one per character. */
    private final char[] chunk = new char[CHUNK];
    private int next;
    private int filled;
    private final BoundedText record;
    private long line = 1;
    private long column;
    private int pushedBack = -2;
    private Boolean array;
    private boolean done;
    private long records;

    /**
     * @param in       the JSON text; read to its end, not closed
     * @param maxBytes the largest record kept, in UTF-8 bytes
     */
    JsonRecordSplitter(Reader in, int maxBytes) {
        this.in = in;
        this.record = new BoundedText(maxBytes);
    }

    /**
     * Whether the upload is one JSON array (known after the first {@link #next()}).
     *
     * @return true for an array, false for a stream of objects
     */
    boolean isArray() {
        return Boolean.TRUE.equals(array);
    }

    /**
     * The next record.
     *
     * @return the record, or null at the end of the upload
     * @throws ApiError 400 when the text between records is not of either shape, or the body is empty
     * @throws UncheckedIOException when reading fails
     */
    Record next() {
        if (done) {
            return null;
        }
        int c = skipBlank();
        if (array == null) {
            if (c < 0) {
                throw error("the body is empty");
            }
            array = c == '[';
            if (array) {
                c = skipBlank();
                if (c == ']') {
                    return end();
                }
            }
        } else if (array) {
            if (c == ']') {
                return end();
            }
            if (c != ',') {
                throw error(c < 0 ? "the array is not closed" : "expected ',' or ']' after element " + (records - 1));
            }
            c = skipBlank();
        } else if (c < 0) {
            done = true;
            return null;
        }
        if (!array && c != '{') {
            throw error("expected '{': a bulk JSON upload is one array of objects or objects one after another"
                    + " (newline-delimited)");
        }
        records++;
        return value(c);
    }

    private Record end() {
        int c = skipBlank();
        if (c >= 0) {
            throw error("unexpected content after the array");
        }
        done = true;
        return null;
    }

    /** Reads one value starting with {@code first}: an object or array to its matching end, or a scalar. */
    private Record value(int first) {
        long startLine = line;
        long startColumn = column;
        record.reset();
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        int c = first;
        while (true) {
            if (c < 0) {
                break; // cut short: the parser of the text says where
            }
            if (depth == 0 && !inString && record.bytes() > 0 && first != '"'
                    && (c == ',' || c == ']' || c == '}' || Character.isWhitespace(c))) {
                pushedBack = c; // the end of a scalar
                column--;
                if (c == '\n') {
                    line--;
                }
                break;
            }
            record.add((char) c);
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                    if (depth == 0) {
                        break; // a string scalar
                    }
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
                if (depth <= 0) {
                    break;
                }
            }
            c = read();
        }
        return new Record(startLine, startColumn, record.text(), record.bytes(), record.oversized());
    }

    private int skipBlank() {
        int c = read();
        while (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\uFEFF') {
            c = read();
        }
        return c;
    }

    /** Reads the next chunk of text and returns its first character, or -1 at the end. */
    private int refill() {
        try {
            int n;
            do {
                n = in.read(chunk, 0, chunk.length);
            } while (n == 0);
            if (n < 0) {
                return -1;
            }
            filled = n;
            next = 1;
            return chunk[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ApiError error(String reason) {
        return new ApiError(400, "malformed JSON at line " + line + ", column " + Math.max(1, column) + ": " + reason);
    }

    private int read() {
        int c;
        if (pushedBack != -2) {
            c = pushedBack;
            pushedBack = -2;
        } else {
            c = next < filled ? chunk[next++] : refill();
        }
        if (c == '\n') {
            line++;
            column = 0;
        } else if (c >= 0) {
            column++;
        }
        return c;
    }
}
